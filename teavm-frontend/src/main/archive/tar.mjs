// Reads and writes tar archives: POSIX ustar and pax (long names and link names, exact times, large sizes), and
// reads GNU long names ('L', 'K') and base-256 numbers. File data are views into the archive's bytes.
import { ArchiveError } from './errors.mjs';
import { components } from './plan.mjs';
import { cString, fromUtf8, printable, utf8 } from './text.mjs';

const BLOCK = 512;
const NANOS = 1000000000n;
const MAX_OCTAL_11 = 0o77777777777;
const TYPES = {
  '0': 'file', '\0': 'file', '7': 'file', '1': 'link', '2': 'symlink', '5': 'directory',
};
const UNSUPPORTED = {
  '3': 'a character device', '4': 'a block device', '6': 'a FIFO', 'S': 'a GNU sparse file', 'V': 'a volume label',
  'M': 'a multi-volume continuation', 'D': 'a GNU dump directory',
};

/** Whether bytes look like a tar archive: a first header whose checksum holds. */
export function isTar(bytes) {
  return bytes.length >= BLOCK && checksumHolds(bytes.subarray(0, BLOCK));
}

/** The first header of a source, put back: whether it starts like a tar archive. */
export function startsLikeTar(source) {
  return isTar(source.peek(BLOCK));
}

function checksumHolds(header) {
  const stored = parseOctal(header.subarray(148, 156));
  if (stored === null) {
    return false;
  }
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : header[i];
    unsigned += b;
    signed += b << 24 >> 24;
  }
  return stored === unsigned || stored === signed;
}

/** An octal field (NUL- or space-terminated, leading spaces allowed); null when it is not one. */
function parseOctal(field) {
  let i = 0;
  while (i < field.length && field[i] === 0x20) {
    i++;
  }
  let value = 0;
  let digits = 0;
  for (; i < field.length && field[i] >= 0x30 && field[i] <= 0x37; i++, digits++) {
    value = value * 8 + (field[i] - 0x30);
  }
  for (; i < field.length; i++) {
    if (field[i] !== 0 && field[i] !== 0x20) {
      return null;
    }
  }
  return digits === 0 ? 0 : value;
}

/** A numeric field: octal, or GNU base-256 (high bit set) for values octal cannot hold; null when it is neither. */
function parseNumber(field) {
  if ((field[0] & 0x80) === 0) {
    return parseOctal(field);
  }
  if (field[0] === 0xff) {
    return null;
  }
  let value = field[0] & 0x7f;
  for (let i = 1; i < field.length; i++) {
    value = value * 256 + field[i];
  }
  return Number.isSafeInteger(value) ? value : null;
}

/** A pax time ("1700000000.123456789", "-1.5") as BigInt nanoseconds, or null. */
function parsePaxTime(value) {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value);
  if (!match) {
    return null;
  }
  const nanos = BigInt(match[2]) * NANOS + BigInt(((match[3] ?? '') + '000000000').slice(0, 9));
  return match[1] ? -nanos : nanos;
}

/** The records of a pax header: "<length> <key>=<value>\n" each, the length counting the whole record. */
function parsePax(operation, name, data) {
  const records = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = space < 0 ? NaN : Number(printable(data.subarray(at, space)));
    const end = at + length;
    if (!Number.isSafeInteger(length) || length <= space - at + 1 || end > data.length || data[end - 1] !== 0x0a) {
      throw new ArchiveError(operation, name, `bad pax header record at byte ${at} of the extended header`);
    }
    const record = fromUtf8(data.subarray(space + 1, end - 1));
    const equals = record === null ? -1 : record.indexOf('=');
    if (equals <= 0) {
      throw new ArchiveError(operation, name, `bad pax header record at byte ${at} of the extended header`);
    }
    records[record.slice(0, equals)] = record.slice(equals + 1);
    at = end;
  }
  return records;
}

function isZeroBlock(header) {
  for (let i = 0; i < BLOCK; i += 4) {
    if ((header[i] | header[i + 1] | header[i + 2] | header[i + 3]) !== 0) {
      return false;
    }
  }
  return true;
}

function utf8Text(operation, name, bytes, what) {
  const value = fromUtf8(bytes);
  if (value === null) {
    throw new ArchiveError(operation, printable(bytes), `the ${what} is not valid UTF-8`);
  }
  return value;
}

/** Extended headers (pax, GNU long names) are held whole: more than this is no honest header. */
const MAX_EXTENDED = 1 << 20;

/**
 * The entries of a tar archive read from source (BytesSource or GunzipSource), checked; throws an ArchiveError
 * naming the entry for anything wrong. Every entry's size is claimed from budget before its data are read, and
 * nothing past the end-of-archive block is read.
 */
export function readTar(operation, source, budget) {
  const entries = [];
  let pax = {};
  const global = {};
  let globalBytes = 0;
  let longName = null;
  let longLink = null;
  for (;;) {
    const at = source.position;
    const header = source.read(BLOCK);
    if (header.length < BLOCK) {
      throw new ArchiveError(operation, null, header.length === 0
        ? `truncated: the archive ends at byte ${at} without its end-of-archive blocks`
        : `truncated: the archive ends at byte ${at + header.length}, inside the header at byte ${at}`);
    }
    if (isZeroBlock(header)) {
      if (longName !== null || longLink !== null || Object.keys(pax).length > 0) {
        throw new ArchiveError(operation, null, 'the archive ends after an extended header, without its entry');
      }
      return entries;
    }
    const ustar = header[257] === 0x75 && printable(header.subarray(257, 262)) === 'ustar';
    const rawName = cString(header.subarray(0, 100));
    const prefix = ustar && header[263] === 0x30 ? cString(header.subarray(345, 500)) : new Uint8Array(0);
    const headerName = prefix.length > 0 ? `${printable(prefix)}/${printable(rawName)}` : printable(rawName);
    if (!checksumHolds(header)) {
      throw new ArchiveError(operation, headerName, `bad header checksum (header at byte ${at})`);
    }
    const flag = String.fromCharCode(header[156]);
    let size = parseNumber(header.subarray(124, 136));
    if (size === null) {
      throw new ArchiveError(operation, headerName, 'bad size field');
    }
    const records = { ...global, ...pax };
    if (records.size !== undefined && (flag in TYPES)) {
      size = /^\d+$/.test(records.size) ? Number(records.size) : NaN;
      if (!Number.isSafeInteger(size)) {
        throw new ArchiveError(operation, headerName, `bad pax size '${records.size}'`);
      }
    }
    // A hard link's size field counts no data that follows it.
    const dataLength = flag === '1' ? 0 : size;
    const padding = Math.ceil(dataLength / BLOCK) * BLOCK - dataLength;
    const dataOf = (name, keep) => {
      const start = source.position;
      const taken = keep ? source.read(dataLength) : null;
      if ((keep ? taken.length : source.skip(dataLength)) < dataLength) {
        throw new ArchiveError(operation, name,
          `truncated: its ${dataLength} bytes of data end past the archive's ${source.position} bytes`);
      }
      source.skip(padding);
      return keep ? taken : start;
    };
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (dataLength > MAX_EXTENDED || flag === 'g' && globalBytes + dataLength > MAX_EXTENDED) {
        throw new ArchiveError(operation, headerName, `an extended header of ${dataLength} bytes: more than the `
          + `${MAX_EXTENDED} this reader takes`);
      }
      const data = dataOf(headerName, true);
      if (flag === 'x') {
        pax = parsePax(operation, headerName, data);
      } else if (flag === 'g') {
        globalBytes += dataLength;
        Object.assign(global, parsePax(operation, headerName, data));
      } else if (flag === 'L') {
        longName = cString(data);
      } else {
        longLink = cString(data);
      }
      continue;
    }
    const type = TYPES[flag];
    if (type === undefined) {
      throw new ArchiveError(operation, headerName, `unsupported entry type '${flag}'${
        flag in UNSUPPORTED ? ` (${UNSUPPORTED[flag]})` : ''}`);
    }
    const nameOf = (field) => utf8Text(operation, headerName, field, 'name');
    const name = records.path ?? (longName !== null ? nameOf(longName)
      : prefix.length > 0 ? `${nameOf(prefix)}/${nameOf(rawName)}` : nameOf(rawName));
    // What an entry carries counts whole, a directory's or a symlink's skipped data too: all of it is inflated.
    budget.claim(name, dataLength);
    const data = dataOf(name, type === 'file');
    const linkName = records.linkpath ?? (longLink !== null ? utf8Text(operation, name, longLink, 'link name')
      : utf8Text(operation, name, cString(header.subarray(157, 257)), 'link name'));
    const mode = parseOctal(header.subarray(100, 108));
    const headerMtime = parseNumber(header.subarray(136, 148));
    const mtime = records.mtime !== undefined ? parsePaxTime(records.mtime)
      : headerMtime === null ? null : BigInt(headerMtime) * NANOS;
    const atime = records.atime !== undefined ? parsePaxTime(records.atime) : null;
    if (mtime === null || records.atime !== undefined && atime === null) {
      throw new ArchiveError(operation, name, 'bad modification or access time');
    }
    const entry = {
      name, path: components(operation, name), type, mode: mode === null ? null : mode & 0o7777, mtime, atime,
      data: type === 'file' ? data : null, target: null,
    };
    if (type === 'symlink') {
      if (linkName === '' || linkName.includes('\0')) {
        throw new ArchiveError(operation, name, 'a symlink without a valid target');
      }
      entry.target = linkName;
    } else if (type === 'link') {
      entry.target = components(operation, linkName);
    }
    entries.push(entry);
    pax = {};
    longName = null;
    longLink = null;
  }
}

// ---- writing ----

function putString(header, offset, length, bytes) {
  header.set(bytes.subarray(0, length), offset);
}

function putOctal(header, offset, length, value) {
  const digits = value.toString(8).padStart(length - 1, '0');
  putString(header, offset, length, utf8(digits));
}

function paxTime(nanos) {
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const fraction = (abs % NANOS).toString().padStart(9, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / NANOS}${fraction ? `.${fraction}` : ''}`;
}

/** "<length> key=value\n", the length counting itself. */
function paxRecord(key, value) {
  const body = ` ${key}=${value}\n`;
  const bodyLength = utf8(body).length;
  let length = bodyLength + 1;
  while (String(length).length + bodyLength !== length) {
    length = String(length).length + bodyLength;
  }
  return `${length}${body}`;
}

/** Splits a name into ustar's prefix (at most 155 bytes) and name (at most 100) at a '/', or null. */
function splitUstar(nameBytes) {
  if (nameBytes.length <= 100) {
    return { prefix: new Uint8Array(0), name: nameBytes };
  }
  for (let slash = nameBytes.indexOf(0x2f, nameBytes.length - 101); slash >= 0 && slash <= 155;
    slash = nameBytes.indexOf(0x2f, slash + 1)) {
    if (nameBytes.length - slash - 1 <= 100 && slash > 0) {
      return { prefix: nameBytes.subarray(0, slash), name: nameBytes.subarray(slash + 1) };
    }
  }
  return null;
}

function headerBlock(name, entry, flag, size, mtimeSeconds, linkBytes) {
  const h = new Uint8Array(BLOCK);
  putString(h, 0, 100, name.name);
  putOctal(h, 100, 8, entry.mode);
  putOctal(h, 108, 8, 0);
  putOctal(h, 116, 8, 0);
  putOctal(h, 124, 12, size);
  putOctal(h, 136, 12, mtimeSeconds);
  h[156] = flag.charCodeAt(0);
  putString(h, 157, 100, linkBytes);
  putString(h, 257, 8, utf8('ustar\u000000'));
  putString(h, 345, 155, name.prefix);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) {
    sum += h[i];
  }
  putString(h, 148, 8, utf8(`${sum.toString(8).padStart(6, '0')}\u0000 `));
  return h;
}

/**
 * A tar archive of entries ({ name (relative, '/'-separated, directories without the slash), type, mode, mtime,
 * atime, data, target }): ustar headers, each preceded by a pax header where ustar cannot hold a field exactly.
 */
export function writeTar(entries) {
  const parts = [];
  let total = 2 * BLOCK;
  for (const entry of entries) {
    const name = entry.type === 'directory' ? `${entry.name}/` : entry.name;
    const nameBytes = utf8(name);
    const linkBytes = entry.type === 'symlink' || entry.type === 'link' ? utf8(entry.target) : new Uint8Array(0);
    const size = entry.type === 'file' ? entry.data.length : 0;
    const seconds = entry.mtime / NANOS;
    const records = [];
    const split = splitUstar(nameBytes);
    if (split === null) {
      records.push(paxRecord('path', name));
    }
    if (linkBytes.length > 100) {
      records.push(paxRecord('linkpath', entry.target));
    }
    if (size > MAX_OCTAL_11) {
      records.push(paxRecord('size', String(size)));
    }
    if (entry.mtime % NANOS !== 0n || entry.mtime < 0n || seconds > BigInt(MAX_OCTAL_11)) {
      records.push(paxRecord('mtime', paxTime(entry.mtime)));
    }
    if (entry.atime !== entry.mtime) {
      records.push(paxRecord('atime', paxTime(entry.atime)));
    }
    const clampedSeconds = Number(seconds < 0n ? 0n : seconds > BigInt(MAX_OCTAL_11) ? BigInt(MAX_OCTAL_11) : seconds);
    const ustarName = split ?? { prefix: new Uint8Array(0), name: nameBytes.subarray(nameBytes.length - 100) };
    if (records.length > 0) {
      const paxData = utf8(records.join(''));
      const paxName = utf8(`PaxHeaders/${name.split('/').filter(Boolean).pop() ?? ''}`).subarray(0, 100);
      parts.push(headerBlock({ prefix: new Uint8Array(0), name: paxName }, { mode: 0o644 }, 'x', paxData.length,
        clampedSeconds, new Uint8Array(0)), paxData);
      total += BLOCK + Math.ceil(paxData.length / BLOCK) * BLOCK;
    }
    const flag = { file: '0', directory: '5', symlink: '2', link: '1' }[entry.type];
    parts.push(headerBlock(ustarName, entry, flag, size, clampedSeconds, linkBytes));
    total += BLOCK;
    if (size > 0) {
      parts.push(entry.data);
      total += Math.ceil(size / BLOCK) * BLOCK;
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
    at = Math.ceil(at / BLOCK) * BLOCK;
  }
  return out;
}
