// The resolution clock_res_get reports for the monotonic clock (JsClock).

const BUDGET_MS = 5;
const STEPS = 16;

/**
 * The smallest nonzero step of `now()` (performance.now) over a few ticks, spending at most about 5 ms; 1 ms if
 * the timer never moved in that time.
 */
export function smallestStep(now = () => performance.now()) {
  let best = Infinity;
  let last = now();
  const end = last + BUDGET_MS;
  let steps = 0;
  while (steps < STEPS) {
    const t = now();
    if (t !== last) {
      best = Math.min(best, t - last);
      last = t;
      steps++;
    }
    if (t > end) {
      break;
    }
  }
  return best === Infinity ? 1 : best;
}
