// Where a tar reader takes its bytes from: the archive itself (views, no copies), or a gzip stream inflated a slice
// at a time as the reader asks, so that what is inflated is bounded by what the tar headers let the reader take.
import { Gunzip, Inflate } from 'fflate';
import { ArchiveError } from './errors.mjs';

/** The most bytes one deflate input byte can stand for (258 from two bits, and then some). */
export const MAX_RATIO = 1032;
// The input pushed at each step: what gives the output wanted at the ratio the last step showed (a sixteenth of it at
// first), at least 4 KiB (a header wants 512 bytes), and at most 64 KiB or what could give no more than the room left
// in the MemFS's budget: a step never gives more than MAX_RATIO times its input, so what arrives unasked for stays
// within the budget and under 66 MB in any one step, and a few MB while headers are read. Each push costs fflate a
// copy of its 32 KiB window and a buffer grown from it, so few large pushes beat many small ones.
const MIN_SLICE = 4096;
const MAX_SLICE = 64 << 10;
/** The most output one step of a gzip source aims at. */
const MAX_STEP = 64 << 20;
/** The output per input byte assumed before a step has shown one. */
const FIRST_RATIO = 16;

/** The bytes of an in-memory archive. */
export class BytesSource {
  #bytes;
  #at = 0;

  constructor(bytes) {
    this.#bytes = bytes;
  }

  /** How many bytes were taken so far. */
  get position() {
    return this.#at;
  }

  /** The next n bytes, fewer at the end of the archive: a view. */
  read(n) {
    const part = this.#bytes.subarray(this.#at, this.#at + n);
    this.#at += part.length;
    return part;
  }

  /** Skips n bytes; returns how many there were. */
  skip(n) {
    return this.read(n).length;
  }

  /** The next n bytes (fewer at the end), left to be read again. */
  peek(n) {
    return this.#bytes.subarray(this.#at, this.#at + n);
  }
}

/**
 * A deflate (or gzip) stream inflated on demand, a slice of input a step, so a stream that would inflate to
 * gigabytes costs what the reader asked for and a few MB more.
 */
export class Inflater {
  #input;
  #at = 0;
  #stream;
  #out = [];
  #done = false;
  #fail;
  #given = 0;
  #ratio = FIRST_RATIO;

  /** fail(message) makes the error thrown for a bad stream. */
  constructor(input, gzip, fail) {
    this.#input = input;
    this.#fail = fail;
    const ondata = (chunk, final) => {
      if (chunk.length > 0) {
        this.#out.push(chunk);
        this.#given += chunk.length;
      }
      if (final) {
        this.#done = true;
      }
    };
    this.#stream = gzip ? new Gunzip(ondata) : new Inflate(ondata);
  }

  /** Whether the input is used up, and all its output given. */
  get done() {
    return this.#done && this.#out.length === 0;
  }

  /**
   * The output of the next step, sized for `wanted` more bytes and `room` bytes of budget (an empty array when the
   * stream is done).
   */
  step(wanted, room) {
    if (this.#out.length === 0 && !this.#done) {
      const most = Math.max(MIN_SLICE, Math.min(MAX_SLICE, Math.floor(room / MAX_RATIO)));
      const size = Math.min(most, Math.max(MIN_SLICE, Math.ceil(wanted / this.#ratio)));
      const end = Math.min(this.#input.length, this.#at + size);
      this.#given = 0;
      try {
        this.#stream.push(this.#input.subarray(this.#at, end), end === this.#input.length);
      } catch (e) {
        throw this.#fail(e.message);
      }
      this.#ratio = Math.max(1, this.#given / (end - this.#at));
      this.#at = end;
      if (end === this.#input.length) {
        this.#done = true;
      }
    }
    const out = this.#out;
    this.#out = [];
    return out;
  }
}

/** A gzip-compressed archive, inflated as it is read; every read is a copy of exactly what was asked for. */
export class GunzipSource {
  #inflater;
  #chunks = [];
  #head = 0;
  #buffered = 0;
  #at = 0;

  #budget;

  constructor(operation, bytes, budget) {
    this.#inflater = new Inflater(bytes, true,
      (message) => new ArchiveError(operation, null, `bad gzip stream (${message})`));
    this.#budget = budget;
  }

  get position() {
    return this.#at;
  }

  #fill(n) {
    while (this.#buffered < n && !this.#inflater.done) {
      for (const chunk of this.#inflater.step(n - this.#buffered, this.#budget.left)) {
        this.#chunks.push(chunk);
        this.#buffered += chunk.length;
      }
    }
  }

  /** Takes n bytes (fewer at the end), handing each to visit(view) unless visit is null; returns how many. */
  #take(n, visit) {
    let taken = 0;
    while (taken < n) {
      this.#fill(Math.min(n - taken, MAX_STEP));
      if (this.#buffered === 0) {
        break;
      }
      const chunk = this.#chunks[0];
      const part = Math.min(n - taken, chunk.length - this.#head);
      visit?.(chunk.subarray(this.#head, this.#head + part), taken);
      taken += part;
      this.#head += part;
      this.#buffered -= part;
      if (this.#head === chunk.length) {
        this.#chunks.shift();
        this.#head = 0;
      }
    }
    this.#at += taken;
    return taken;
  }

  read(n) {
    this.#fill(Math.min(n, MAX_STEP));
    const chunk = this.#chunks[0];
    if (chunk !== undefined && chunk.length - this.#head >= n) {
      // All in one chunk of fflate's output (a new array each push): a view, not a copy.
      const view = chunk.subarray(this.#head, this.#head + n);
      this.#take(n, null);
      return view;
    }
    const out = new Uint8Array(n);
    const taken = this.#take(n, (view, at) => out.set(view, at));
    return taken === n ? out : out.subarray(0, taken);
  }

  skip(n) {
    return this.#take(n, null);
  }

  peek(n) {
    const bytes = this.read(n);
    if (this.#head > 0) {
      this.#chunks[0] = this.#chunks[0].subarray(this.#head);
      this.#head = 0;
    }
    this.#chunks.unshift(bytes);
    this.#buffered += bytes.length;
    this.#at -= bytes.length;
    return bytes;
  }
}
