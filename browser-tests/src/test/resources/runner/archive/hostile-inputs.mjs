// Hostile inputs from the host side, made in the test with node:zlib (nothing large is committed): the two
// archives of issue 26 (a .tar.gz and a zip64 .zip of one 1.5 GiB file of zeros, some 7 MB each), and variants
// whose headers lie about the sizes. Each is a Uint8Array.
import zlib from 'node:zlib';

const encoder = new TextEncoder();
export const HUGE = 1536 * (1 << 20);
const PIECE = 1 << 20;

/** Streams `total` bytes of `fill` (a byte value) through a zlib stream; its output, concatenated. */
async function compress(stream, total, fill = 0) {
  const piece = new Uint8Array(PIECE).fill(fill);
  const out = [];
  stream.on('data', (chunk) => out.push(chunk));
  const ended = new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  for (let n = 0; n < total; n += PIECE) {
    if (!stream.write(piece.subarray(0, Math.min(PIECE, total - n)))) {
      await new Promise((resolve) => stream.once('drain', resolve));
    }
  }
  stream.end();
  await ended;
  return new Uint8Array(Buffer.concat(out));
}

function tarHeader(name, size) {
  const h = new Uint8Array(512);
  const put = (text, at) => h.set(encoder.encode(text), at);
  put(name, 0);
  put('0000644\0', 100);
  put('0000000\0', 108);
  put('0000000\0', 116);
  put(`${size.toString(8).padStart(11, '0')}\0`, 124);
  put('14000000000\0', 136);
  put('0', 156);
  put('ustar\u000000', 257);
  h.fill(0x20, 148, 156);
  put(`${h.reduce((a, b) => a + b, 0).toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/**
 * A gzip-compressed tar whose one header declares `declared` bytes for zeros.bin, followed by `body` bytes of
 * `fill` (then, when the body is what was declared, the end-of-archive blocks).
 */
export async function tarGz(declared = HUGE, body = HUGE, fill = 0) {
  const gzip = zlib.createGzip({ level: 1 });
  const header = tarHeader('zeros.bin', declared);
  const out = [];
  gzip.on('data', (chunk) => out.push(chunk));
  const ended = new Promise((resolve) => gzip.on('end', resolve));
  gzip.write(header);
  const piece = new Uint8Array(PIECE).fill(fill);
  for (let n = 0; n < body; n += PIECE) {
    if (!gzip.write(piece.subarray(0, Math.min(PIECE, body - n)))) {
      await new Promise((resolve) => gzip.once('drain', resolve));
    }
  }
  gzip.end(new Uint8Array(1024 + (512 - (body % 512)) % 512));
  await ended;
  return new Uint8Array(Buffer.concat(out));
}

/**
 * A zip of one deflated entry zeros.bin holding HUGE zeros, its sizes in zip64 extra fields (local and central)
 * and a zip64 end record; `declared` is the size both headers claim (HUGE, or a lie).
 */
export async function zip64(declared = HUGE) {
  const data = await compress(zlib.createDeflateRaw({ level: 1 }), HUGE);
  let crc = 0;
  const piece = new Uint8Array(PIECE);
  for (let n = 0; n < HUGE; n += PIECE) crc = zlib.crc32(piece, crc);
  const name = encoder.encode('zeros.bin');
  const extra = (v, at) => {
    v.setUint16(at, 1, true);
    v.setUint16(at + 2, 16, true);
    v.setBigUint64(at + 4, BigInt(declared), true);
    v.setBigUint64(at + 12, BigInt(data.length), true);
  };
  const local = new Uint8Array(30 + name.length + 20);
  let v = new DataView(local.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 45, true);
  v.setUint16(8, 8, true);
  v.setUint32(14, crc, true);
  v.setUint32(18, 0xffffffff, true);
  v.setUint32(22, 0xffffffff, true);
  v.setUint16(26, name.length, true);
  v.setUint16(28, 20, true);
  local.set(name, 30);
  extra(v, 30 + name.length);
  const centralAt = local.length + data.length;
  const tail = new Uint8Array(46 + name.length + 20 + 56 + 20 + 22);
  v = new DataView(tail.buffer);
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, (3 << 8) | 45, true);
  v.setUint16(6, 45, true);
  v.setUint16(10, 8, true);
  v.setUint32(16, crc, true);
  v.setUint32(20, 0xffffffff, true);
  v.setUint32(24, 0xffffffff, true);
  v.setUint16(28, name.length, true);
  v.setUint16(30, 20, true);
  v.setUint32(38, (0o100644 << 16) >>> 0, true);
  tail.set(name, 46);
  extra(v, 46 + name.length);
  const centralSize = 46 + name.length + 20;
  const end64 = centralSize;
  v.setUint32(end64, 0x06064b50, true);
  v.setBigUint64(end64 + 4, 44n, true);
  v.setUint16(end64 + 12, 45, true);
  v.setUint16(end64 + 14, 45, true);
  v.setBigUint64(end64 + 24, 1n, true);
  v.setBigUint64(end64 + 32, 1n, true);
  v.setBigUint64(end64 + 40, BigInt(centralSize), true);
  v.setBigUint64(end64 + 48, BigInt(centralAt), true);
  v.setUint32(end64 + 56, 0x07064b50, true);
  v.setBigUint64(end64 + 64, BigInt(centralAt + end64), true);
  v.setUint32(end64 + 72, 1, true);
  const eocd = end64 + 76;
  v.setUint32(eocd, 0x06054b50, true);
  v.setUint16(eocd + 8, 0xffff, true);
  v.setUint16(eocd + 10, 0xffff, true);
  v.setUint32(eocd + 12, 0xffffffff, true);
  v.setUint32(eocd + 16, 0xffffffff, true);
  const zip = new Uint8Array(local.length + data.length + tail.length);
  zip.set(local);
  zip.set(data, local.length);
  zip.set(tail, centralAt);
  return zip;
}
