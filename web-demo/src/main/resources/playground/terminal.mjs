// The terminal pane: xterm.js (loaded by index.html from vendor/) showing what the guest writes, and the line
// editing a terminal does for a program reading standard input: echo, Backspace, Enter sends the line,
// Ctrl-D ends the input, Ctrl-C asks to stop.

const encoder = new TextEncoder();

const STDERR_ON = '\x1b[38;5;203m';
const COLOUR_OFF = '\x1b[39m';

export class TerminalView {
  constructor(element, { onLine, onEnd, onInterrupt }) {
    this.term = new globalThis.Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      scrollback: 20000,
      theme: { background: '#14161a', foreground: '#d8dee9', cursor: '#8ab4f8', selectionBackground: '#3b4252' },
    });
    this.fit = new globalThis.FitAddon.FitAddon();
    this.term.loadAddon(this.fit);
    this.term.open(element);
    this.fitSoon();
    new ResizeObserver(() => this.fitSoon()).observe(element);

    this.pending = [];
    this.frame = 0;
    this.inFlight = 0;
    this.line = '';
    this.reading = false;
    this.atLineStart = true;
    this.handlers = { onLine, onEnd, onInterrupt };
    this.term.onData((data) => this.typed(data));
  }

  fitSoon() {
    requestAnimationFrame(() => {
      try {
        this.fit.fit();
      } catch {
        // not laid out yet (hidden): the next resize fits it
      }
    });
  }

  focus() {
    this.term.focus();
  }

  /** Queues guest output (bytes, UTF-8) for the next animation frame; stderr is tinted unless it has colours. */
  output(fd, chunk) {
    if (chunk.length === 0) return;
    const last = chunk[chunk.length - 1];
    this.atLineStart = last === 0x0a || last === 0x0d;
    if (fd === 2 && !chunk.includes(0x1b)) this.pending.push(STDERR_ON, chunk, COLOUR_OFF);
    else this.pending.push(chunk);
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  /** True while xterm.js has not yet drawn everything given to it. */
  get busy() {
    return this.inFlight > 0 || this.pending.length > 0;
  }

  /** A line of the playground's own, in a colour: 'info', 'ok', 'warn' or 'error'. */
  note(text, kind = 'info') {
    const colour = { info: '38;5;110', ok: '38;5;114', warn: '38;5;221', error: '1;38;5;203' }[kind];
    this.write(`\x1b[${colour}m${text}\x1b[0m\r\n`);
  }

  /** Writes after the queued output, starting on a fresh line. */
  write(text) {
    this.pending.push(text);
    this.atLineStart = text.endsWith('\n');
    this.flushNow();
  }

  /** Starts a new line if the last output did not end one. */
  freshLine() {
    if (!this.atLineStart) this.write('\r\n');
  }

  /** Writes what the user typed (echo). */
  echo(text) {
    this.pending.push(text);
    this.atLineStart = text.endsWith('\n');
    this.flushNow();
  }

  flushNow() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.flush();
  }

  flush() {
    this.frame = 0;
    const batch = this.pending;
    this.pending = [];
    for (const piece of batch) {
      this.inFlight++;
      this.term.write(piece, () => this.inFlight--);
    }
  }

  /** While reading, typed keys edit a line that Enter hands to the guest. */
  setReading(reading) {
    this.reading = reading;
    this.line = '';
  }

  typed(data) {
    if (!this.reading) return;
    for (const ch of splitKeys(data)) {
      if (ch === '\r' || ch === '\n') {
        this.echo('\r\n');
        this.handlers.onLine(encoder.encode(`${this.line}\n`));
        this.line = '';
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line) {
          const chars = [...this.line];
          const last = chars.pop();
          this.line = chars.join('');
          this.echo(isWide(last) ? '\b\b  \b\b' : '\b \b');
        }
      } else if (ch === '\x04') {
        if (this.line) {
          this.handlers.onLine(encoder.encode(this.line));
          this.line = '';
        } else {
          this.echo('^D\r\n');
          this.handlers.onEnd();
        }
      } else if (ch === '\x03') {
        this.echo('^C\r\n');
        this.line = '';
        this.handlers.onInterrupt();
      } else if (ch === '\x15') {
        this.echo('\b \b'.repeat([...this.line].length));
        this.line = '';
      } else if (ch.startsWith('\x1b')) {
        // arrows, function keys: no line history or cursor movement here
      } else if (ch >= ' ' || ch === '\t') {
        this.line += ch;
        this.echo(ch);
      }
    }
  }

  /** The screen and scrollback as text, one string per line (trailing blanks trimmed). */
  text() {
    const buffer = this.term.buffer.active;
    const lines = [];
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i);
      if (line.isWrapped && lines.length) lines[lines.length - 1] += line.translateToString(true);
      else lines.push(line.translateToString(true));
    }
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }
}

/** Splits typed or pasted data into single keys: escape sequences stay whole, characters by code point. */
function splitKeys(data) {
  const keys = [];
  for (let i = 0; i < data.length;) {
    const match = data[i] === '\x1b' ? /^\x1b(\[[0-9;?]*[ -\/]*[@-~]|O.|.)?/s.exec(data.slice(i)) : null;
    const key = match ? match[0] : String.fromCodePoint(data.codePointAt(i));
    keys.push(key);
    i += key.length;
  }
  return keys;
}

function isWide(ch) {
  const c = ch.codePointAt(0);
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
    || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd);
}
