// Reads and writes zip archives: stored and deflated entries (deflate by fflate), zip64 sizes and offsets,
// unix modes and symlinks in the external attributes, times from the NTFS (100 ns) or the extended timestamp
// (seconds) extra fields, else the DOS time. A zip has no hard links: writing stores each name's bytes.
import { deflateSync, inflateSync } from 'fflate';
import { crc32 } from './crc32.mjs';
import { ArchiveError } from './errors.mjs';
import { components } from './plan.mjs';
import { Inflater, MAX_RATIO } from './source.mjs';
import { fromUtf8, printable, utf8 } from './text.mjs';

const NANOS = 1000000000n;
const NTFS_EPOCH_OFFSET = 11644473600n * 10000000n;
const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const UNIX = 3;
const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;

/** Whether bytes start like a zip archive (a local header, or the end record of an empty one). */
export function isZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b
    && (bytes[2] === 3 && bytes[3] === 4 || bytes[2] === 5 && bytes[3] === 6);
}

function view(bytes) {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(v, at) {
  const value = v.getBigUint64(at, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(value);
}

/** The extra fields of a header as a Map from id to a DataView over their data; null when they overrun. */
function extraFields(bytes) {
  const fields = new Map();
  const v = view(bytes);
  let at = 0;
  while (at + 4 <= bytes.length) {
    const id = v.getUint16(at, true);
    const size = v.getUint16(at + 2, true);
    if (at + 4 + size > bytes.length) {
      return null;
    }
    fields.set(id, new DataView(bytes.buffer, bytes.byteOffset + at + 4, size));
    at += 4 + size;
  }
  return fields;
}

/** { mtime, atime } in BigInt nanoseconds from the extra fields, or null when they hold none. */
function extraTimes(fields) {
  const ntfs = fields.get(0x000a);
  if (ntfs !== undefined) {
    for (let at = 4; at + 4 <= ntfs.byteLength;) {
      const tag = ntfs.getUint16(at, true);
      const size = ntfs.getUint16(at + 2, true);
      if (tag === 1 && size >= 24 && at + 4 + 24 <= ntfs.byteLength) {
        const time = (offset) => (ntfs.getBigUint64(at + 4 + offset, true) - NTFS_EPOCH_OFFSET) * 100n;
        return { mtime: time(0), atime: time(8) };
      }
      at += 4 + size;
    }
  }
  const unix = fields.get(0x5455);
  if (unix !== undefined && unix.byteLength >= 5 && (unix.getUint8(0) & 1) !== 0) {
    const mtime = BigInt(unix.getInt32(1, true)) * NANOS;
    const hasAtime = (unix.getUint8(0) & 2) !== 0 && unix.byteLength >= 9;
    return { mtime, atime: hasAtime ? BigInt(unix.getInt32(5, true)) * NANOS : null };
  }
  return null;
}

/** A DOS date and time (local time, two-second steps) as BigInt nanoseconds. */
function dosTime(date, time) {
  const ms = new Date(1980 + (date >> 9), ((date >> 5) & 15) - 1, date & 31, time >> 11, (time >> 5) & 63,
    (time & 31) * 2).getTime();
  return Number.isNaN(ms) ? 0n : BigInt(ms) * 1000000n;
}

/** Where the central directory is and how many entries it has, from the end records (zip64 where needed). */
function findCentralDirectory(operation, bytes) {
  const v = view(bytes);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (v.getUint32(at, true) === EOCD && at + 22 + v.getUint16(at + 20, true) <= bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) {
    throw new ArchiveError(operation, null, 'not a zip archive, or truncated: no end of central directory record');
  }
  let count = v.getUint16(end + 10, true);
  let size = v.getUint32(end + 12, true);
  let offset = v.getUint32(end + 16, true);
  let limit = end;
  if (end >= 20 && v.getUint32(end - 20, true) === EOCD64_LOCATOR) {
    const at = u64(v, end - 12);
    if (at + 56 > end - 20 || v.getUint32(at, true) !== EOCD64) {
      throw new ArchiveError(operation, null, 'corrupt zip64 end of central directory record');
    }
    count = u64(v, at + 32);
    size = u64(v, at + 40);
    offset = u64(v, at + 48);
    limit = at;
  }
  if (offset + size > limit) {
    throw new ArchiveError(operation, null,
      `truncated or corrupt: the central directory (${size} bytes at byte ${offset}) runs past byte ${limit}`);
  }
  // Every entry takes at least 46 bytes of it: a count past that is a lie, refused before a record is read.
  if (count > size / CENTRAL_SIZE) {
    throw new ArchiveError(operation, null, `corrupt central directory: it claims ${count} entries, more than its `
      + `${size} bytes can hold`);
  }
  return { count, offset, end: offset + size };
}

/** Takes the zip64 extra field's values for the header fields that are 0xffffffff, in the order the format gives. */
function zip64Sizes(operation, name, fields, sizes) {
  const zip64 = fields.get(0x0001);
  if (zip64 === undefined) {
    return sizes;
  }
  let z = 0;
  const take = (value) => {
    if (value !== 0xffffffff) {
      return value;
    }
    if (z + 8 > zip64.byteLength) {
      throw new ArchiveError(operation, name, 'corrupt zip64 extra field');
    }
    const wide = u64(zip64, z);
    z += 8;
    if (wide === Infinity) {
      throw new ArchiveError(operation, name, 'a zip64 size or offset past 2^53');
    }
    return wide;
  };
  const size = take(sizes.size);
  const compressedSize = take(sizes.compressedSize);
  const localOffset = sizes.localOffset === undefined ? undefined : take(sizes.localOffset);
  return { size, compressedSize, localOffset };
}

/**
 * The central directory's records, each checked against its local header and the archive's bounds, their data not
 * overlapping, and their sizes claimed from budget: nothing is inflated before all of this holds.
 */
function readDirectory(operation, bytes, budget) {
  const v = view(bytes);
  const directory = findCentralDirectory(operation, bytes);
  const records = [];
  let at = directory.offset;
  for (let i = 0; i < directory.count; i++) {
    if (at + CENTRAL_SIZE > directory.end || v.getUint32(at, true) !== CENTRAL) {
      throw new ArchiveError(operation, null, `corrupt central directory: no entry header at byte ${at}`);
    }
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const next = at + CENTRAL_SIZE + nameLength + extraLength + v.getUint16(at + 32, true);
    if (next > directory.end) {
      throw new ArchiveError(operation, null, `corrupt central directory: the entry at byte ${at} runs past its end`);
    }
    const nameBytes = bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    const name = fromUtf8(nameBytes);
    if (name === null) {
      throw new ArchiveError(operation, printable(nameBytes), 'the name is not valid UTF-8');
    }
    const fields = extraFields(bytes.subarray(at + CENTRAL_SIZE + nameLength, at + CENTRAL_SIZE + nameLength
      + extraLength));
    if (fields === null) {
      throw new ArchiveError(operation, name, 'corrupt extra fields');
    }
    const flags = v.getUint16(at + 8, true);
    if ((flags & 1) !== 0) {
      throw new ArchiveError(operation, name, 'encrypted entries are not supported');
    }
    const { size, compressedSize, localOffset } = zip64Sizes(operation, name, fields, {
      size: v.getUint32(at + 24, true), compressedSize: v.getUint32(at + 20, true),
      localOffset: v.getUint32(at + 42, true),
    });
    const record = {
      name, fields, flags, size, compressedSize, localOffset, at,
      method: v.getUint16(at + 10, true), crc: v.getUint32(at + 16, true),
      madeBy: v.getUint16(at + 4, true), external: v.getUint32(at + 38, true),
    };
    // Deflate's densest code stands for 258 bytes in 2 bits: anything claiming more is corrupt (or a bomb).
    if (record.method === 8 && size > compressedSize * MAX_RATIO + 1024) {
      throw new ArchiveError(operation, name, `claims ${size} bytes, more than its ${compressedSize} deflated `
        + 'bytes can hold');
    }
    checkLocalHeader(operation, bytes, directory, record);
    budget.claim(name, size);
    records.push(record);
    at = next;
  }
  const byStart = [...records].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byStart.length; i++) {
    if (byStart[i].localOffset < byStart[i - 1].dataEnd) {
      throw new ArchiveError(operation, byStart[i].name, `its local header at byte ${byStart[i].localOffset} lies `
        + `inside the data of '${byStart[i - 1].name}': entries overlap`);
    }
  }
  return records;
}

/**
 * Checks the local header of record and sets its dataStart and dataEnd: it must be there, its data must end
 * before the central directory, and the sizes and checksum it declares (unless a data descriptor follows the data)
 * must be the central directory's.
 */
function checkLocalHeader(operation, bytes, directory, record) {
  const v = view(bytes);
  const at = record.localOffset;
  if (at + LOCAL_SIZE > directory.offset || v.getUint32(at, true) !== LOCAL) {
    throw new ArchiveError(operation, record.name, `no local header at byte ${at}`);
  }
  const localExtraStart = at + LOCAL_SIZE + v.getUint16(at + 26, true);
  record.localExtra = bytes.subarray(localExtraStart, localExtraStart + v.getUint16(at + 28, true));
  record.dataStart = localExtraStart + record.localExtra.length;
  record.dataEnd = record.dataStart + record.compressedSize;
  if (record.dataEnd > directory.offset) {
    throw new ArchiveError(operation, record.name, `truncated or corrupt: its ${record.compressedSize} bytes of data `
      + 'run past the central directory');
  }
  if (v.getUint16(at + 8, true) !== record.method) {
    throw new ArchiveError(operation, record.name, 'its local header and the central directory disagree on the '
      + 'compression method');
  }
  if ((v.getUint16(at + 6, true) & 8) !== 0) {
    return;
  }
  const local = zip64Sizes(operation, record.name, extraFields(record.localExtra) ?? new Map(), {
    size: v.getUint32(at + 22, true), compressedSize: v.getUint32(at + 18, true),
  });
  if (local.size !== record.size || local.compressedSize !== record.compressedSize
      || v.getUint32(at + 14, true) !== record.crc) {
    throw new ArchiveError(operation, record.name, 'its local header and the central directory disagree on its '
      + `sizes or CRC-32 (local: ${local.size} bytes, ${local.compressedSize} stored; central: ${record.size} bytes, `
      + `${record.compressedSize} stored)`);
  }
}

/**
 * The bytes a deflate stream of stored blocks only inflates to, read from their headers; -1 for a stream with any
 * other block, or cut short. Incompressible data are deflated so.
 */
function storedLength(stream) {
  let total = 0;
  for (let at = 0; at + 5 <= stream.length;) {
    // A stored block's 3 header bits are followed by padding to the byte, LEN and its complement NLEN; it ends on a
    // byte boundary, where the next block starts.
    const head = stream[at];
    const length = stream[at + 1] | stream[at + 2] << 8;
    if ((head & 6) !== 0 || (length ^ 0xffff) !== (stream[at + 3] | stream[at + 4] << 8)) {
      return -1;
    }
    total += length;
    at += 5 + length;
    if ((head & 1) !== 0) {
      return at <= stream.length ? total : -1;
    }
  }
  return -1;
}

/** Inflates exactly size bytes from compressed, stopping as soon as the stream gives more. */
function inflate(operation, name, compressed, size, budget) {
  const stored = storedLength(compressed);
  if (stored >= 0) {
    // Its size is known without inflating: one call instead of a slice at a time.
    if (stored !== size) {
      throw new ArchiveError(operation, name, `inflates to ${stored} bytes, not the ${size} its header says`);
    }
    return inflateSync(compressed, { out: new Uint8Array(size) });
  }
  const out = new Uint8Array(size);
  const inflater = new Inflater(compressed, false,
    (message) => new ArchiveError(operation, name, `bad deflate stream (${message})`));
  let length = 0;
  while (!inflater.done) {
    // Room for no more than the declared size (and 4 MiB): a stream that hides more is stopped a step past it.
    for (const chunk of inflater.step(size - length, Math.min(budget.left, size))) {
      if (length + chunk.length > size) {
        throw new ArchiveError(operation, name, `inflates to more than the ${size} bytes its header says; `
          + `stopped at ${length + chunk.length}`);
      }
      out.set(chunk, length);
      length += chunk.length;
    }
  }
  if (length !== size) {
    throw new ArchiveError(operation, name, `inflates to ${length} bytes, not the ${size} its header says`);
  }
  return out;
}

/** The entries of a zip archive, inflated and checked; throws an ArchiveError naming the entry. */
export function readZip(operation, bytes, budget) {
  const v = view(bytes);
  const entries = [];
  for (const r of readDirectory(operation, bytes, budget)) {
    const compressed = bytes.subarray(r.dataStart, r.dataEnd);
    let data;
    if (r.method === 0) {
      if (r.compressedSize !== r.size) {
        throw new ArchiveError(operation, r.name, 'a stored entry whose sizes differ');
      }
      data = compressed;
    } else if (r.method === 8) {
      data = inflate(operation, r.name, compressed, r.size, budget);
    } else {
      throw new ArchiveError(operation, r.name, `unsupported compression method ${r.method}`);
    }
    if (crc32(data) !== r.crc) {
      throw new ArchiveError(operation, r.name, 'CRC-32 mismatch: the data are corrupt');
    }
    const unixMode = r.madeBy >> 8 === UNIX ? r.external >>> 16 : 0;
    const isDirectory = (unixMode & S_IFMT) === S_IFDIR || r.name.endsWith('/') || (r.external & 0x10) !== 0;
    const type = isDirectory ? 'directory' : (unixMode & S_IFMT) === S_IFLNK ? 'symlink' : 'file';
    const localTimes = extraTimes(extraFields(r.localExtra) ?? new Map());
    const times = extraTimes(r.fields) ?? localTimes
      ?? { mtime: dosTime(v.getUint16(r.at + 14, true), v.getUint16(r.at + 12, true)), atime: null };
    const entry = {
      name: r.name, path: components(operation, r.name), type, mode: unixMode !== 0 ? unixMode & 0o7777 : null,
      mtime: times.mtime, atime: times.atime ?? localTimes?.atime ?? null, data: type === 'file' ? data : null,
      target: null,
    };
    if (type === 'symlink') {
      const target = fromUtf8(data);
      if (target === null || target === '' || target.includes('\0')) {
        throw new ArchiveError(operation, r.name, 'a symlink without a valid UTF-8 target');
      }
      entry.target = target;
    }
    entries.push(entry);
  }
  return entries;
}

// ---- writing ----

function dosDateTime(nanos) {
  const date = new Date(Number(nanos / 1000000n));
  const year = date.getFullYear();
  if (Number.isNaN(year) || year < 1980) {
    return { date: (0 << 9) | (1 << 5) | 1, time: 0 };
  }
  const y = Math.min(year, 2107) - 1980;
  return {
    date: (y << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
  };
}

/** The NTFS extra field (mtime, atime, ctime in 100 ns since 1601) and, where seconds fit, the extended timestamp. */
function timeFields(entry, central) {
  const ntfs = new Uint8Array(36);
  const n = view(ntfs);
  n.setUint16(0, 0x000a, true);
  n.setUint16(2, 32, true);
  n.setUint16(8, 1, true);
  n.setUint16(10, 24, true);
  // Rounded down, before 1970 too.
  const ticks = (nanos) => BigInt.asUintN(64,
    nanos / 100n - (nanos < 0n && nanos % 100n !== 0n ? 1n : 0n) + NTFS_EPOCH_OFFSET);
  n.setBigUint64(12, ticks(entry.mtime), true);
  n.setBigUint64(20, ticks(entry.atime), true);
  n.setBigUint64(28, ticks(entry.mtime), true);
  const seconds = (nanos) => {
    const s = nanos / NANOS - (nanos < 0n && nanos % NANOS !== 0n ? 1n : 0n);
    return s >= -(2n ** 31n) && s < 2n ** 31n ? Number(s) : null;
  };
  const mtime = seconds(entry.mtime);
  const atime = seconds(entry.atime);
  if (mtime === null || atime === null) {
    return ntfs;
  }
  const ut = new Uint8Array(central ? 9 : 13);
  const u = view(ut);
  u.setUint16(0, 0x5455, true);
  u.setUint16(2, central ? 5 : 9, true);
  u.setUint8(4, 3);
  u.setInt32(5, mtime, true);
  if (!central) {
    u.setInt32(9, atime, true);
  }
  // The extended timestamp first: readers that take the last time field they meet (java.util.zip) get NTFS's.
  const both = new Uint8Array(ut.length + ntfs.length);
  both.set(ut);
  both.set(ntfs, ut.length);
  return both;
}

/**
 * A zip archive of entries ({ name, type, mode, mtime, atime, data, target }, hard links with the bytes they
 * link to in data): files deflated at level (0 stores) unless that saves nothing, directories and symlinks stored.
 */
export function writeZip(entries, level) {
  const records = [];
  let offset = 0;
  for (const entry of entries) {
    const name = utf8(entry.type === 'directory' ? `${entry.name}/` : entry.name);
    const content = entry.type === 'symlink' ? utf8(entry.target) : entry.type === 'directory' ? new Uint8Array(0)
      : entry.data;
    let method = 0;
    let stored = content;
    if ((entry.type === 'file' || entry.type === 'link') && content.length > 0 && level > 0) {
      const deflated = deflateSync(content, { level });
      if (deflated.length < content.length) {
        method = 8;
        stored = deflated;
      }
    }
    if (content.length >= 0xffffffff || offset >= 0xffffffff) {
      throw new ArchiveError('exportZip', entry.name, 'past 4 GiB: zip64 archives are not written');
    }
    const typeBits = { file: S_IFREG, link: S_IFREG, directory: S_IFDIR, symlink: S_IFLNK }[entry.type];
    records.push({
      entry, name, content, stored, method, crc: crc32(content), offset,
      external: (((typeBits | entry.mode) << 16) | (entry.type === 'directory' ? 0x10 : 0)) >>> 0,
      time: dosDateTime(entry.mtime), localExtra: timeFields(entry, false), centralExtra: timeFields(entry, true),
    });
    offset += 30 + name.length + records.at(-1).localExtra.length + stored.length;
  }
  const centralStart = offset;
  let centralSize = 0;
  for (const r of records) {
    centralSize += 46 + r.name.length + r.centralExtra.length;
  }
  const zip64 = records.length >= 0xffff || centralStart + centralSize >= 0xffffffff;
  const out = new Uint8Array(centralStart + centralSize + (zip64 ? 56 + 20 : 0) + 22);
  const v = view(out);
  for (const r of records) {
    const at = r.offset;
    v.setUint32(at, LOCAL, true);
    v.setUint16(at + 4, r.method === 8 ? 20 : 10, true);
    v.setUint16(at + 6, 0x0800, true);
    v.setUint16(at + 8, r.method, true);
    v.setUint16(at + 10, r.time.time, true);
    v.setUint16(at + 12, r.time.date, true);
    v.setUint32(at + 14, r.crc, true);
    v.setUint32(at + 18, r.stored.length, true);
    v.setUint32(at + 22, r.content.length, true);
    v.setUint16(at + 26, r.name.length, true);
    v.setUint16(at + 28, r.localExtra.length, true);
    out.set(r.name, at + 30);
    out.set(r.localExtra, at + 30 + r.name.length);
    out.set(r.stored, at + 30 + r.name.length + r.localExtra.length);
  }
  let at = centralStart;
  for (const r of records) {
    v.setUint32(at, CENTRAL, true);
    v.setUint16(at + 4, (UNIX << 8) | 30, true);
    v.setUint16(at + 6, r.method === 8 ? 20 : 10, true);
    v.setUint16(at + 8, 0x0800, true);
    v.setUint16(at + 10, r.method, true);
    v.setUint16(at + 12, r.time.time, true);
    v.setUint16(at + 14, r.time.date, true);
    v.setUint32(at + 16, r.crc, true);
    v.setUint32(at + 20, r.stored.length, true);
    v.setUint32(at + 24, r.content.length, true);
    v.setUint16(at + 28, r.name.length, true);
    v.setUint16(at + 30, r.centralExtra.length, true);
    v.setUint32(at + 38, r.external, true);
    v.setUint32(at + 42, r.offset, true);
    out.set(r.name, at + 46);
    out.set(r.centralExtra, at + 46 + r.name.length);
    at += 46 + r.name.length + r.centralExtra.length;
  }
  if (zip64) {
    v.setUint32(at, EOCD64, true);
    v.setBigUint64(at + 4, 44n, true);
    v.setUint16(at + 12, (UNIX << 8) | 45, true);
    v.setUint16(at + 14, 45, true);
    v.setBigUint64(at + 24, BigInt(records.length), true);
    v.setBigUint64(at + 32, BigInt(records.length), true);
    v.setBigUint64(at + 40, BigInt(centralSize), true);
    v.setBigUint64(at + 48, BigInt(centralStart), true);
    v.setUint32(at + 56, EOCD64_LOCATOR, true);
    v.setBigUint64(at + 64, BigInt(at), true);
    v.setUint32(at + 72, 1, true);
    at += 76;
  }
  v.setUint32(at, EOCD, true);
  v.setUint16(at + 8, zip64 ? 0xffff : records.length, true);
  v.setUint16(at + 10, zip64 ? 0xffff : records.length, true);
  v.setUint32(at + 12, zip64 ? 0xffffffff : centralSize, true);
  v.setUint32(at + 16, zip64 ? 0xffffffff : centralStart, true);
  return out;
}
