// Checks of option values that are too long for a one-line @JSBody (JsValues).

/** 1 for a BigInt or a valid Date whose nanoseconds fit an i64, -1 for one that does not, 0 for anything else. */
export function timeKind(value) {
  if (!(value instanceof Date) && typeof value !== 'bigint') {
    return 0;
  }
  const nanos = typeof value === 'bigint' ? value
    : Number.isNaN(value.getTime()) ? null : BigInt(value.getTime()) * 1000000n;
  return nanos !== null && BigInt.asIntN(64, nanos) === nanos ? 1 : -1;
}
