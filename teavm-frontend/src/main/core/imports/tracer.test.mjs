import { test } from 'node:test';
import assert from 'node:assert/strict';
import { traced } from './tracer.mjs';

const ERRNOS = 'SUCCESS,2BIG,ACCES,ADDRINUSE,ADDRNOTAVAIL,AFNOSUPPORT,AGAIN,ALREADY,BADF';
const SIGNATURES = 'fd_write/nfd/xiovs/niovs_len/rnwritten;path_open/nfd/xdirflags/spath/npath_len/Rrights;'
  + 'proc_exit/nrval;fd_close/nfd';

/** A namespace of recorded functions and a memory of 64 bytes with "hi.txt" at 16. */
function setup(overrides = {}) {
  const memory = new ArrayBuffer(64);
  new Uint8Array(memory).set(new TextEncoder().encode('hi.txt'), 16);
  const calls = [];
  const namespace = {
    fd_write: (fd, iovs, iovsLen, nwritten) => {
      new DataView(memory).setUint32(nwritten, 6, true);
      return 0;
    },
    path_open: (fd, dirflags, path, pathLength, rights) => {
      new DataView(memory).setBigUint64(rights, 0xffffffffffffffffn, true);
      return 0;
    },
    fd_close: () => 8,
    not_traced: () => 0,
    ...overrides,
  };
  const tracedNamespace = traced(namespace, SIGNATURES, ERRNOS, (call) => calls.push(call), 'wasi_snapshot_preview1',
    () => overrides.memory === null ? null : memory);
  return { tracedNamespace, calls };
}

test('a call is reported with its arguments as text shows them, its errno and what it wrote', () => {
  const { tracedNamespace, calls } = setup();
  assert.equal(tracedNamespace.fd_write(1, 0x1f2a0, 1, 40), 0);
  assert.deepEqual(calls, [{
    module: 'wasi_snapshot_preview1',
    name: 'fd_write',
    args: { fd: '1', iovs: '0x1f2a0', iovs_len: '1', nwritten: '0x28' },
    errno: 0,
    result: 'SUCCESS',
    results: { nwritten: 6 },
    text: 'fd_write(fd=1, iovs=0x1f2a0, iovs_len=1, nwritten=0x28) -> SUCCESS (nwritten=6)',
  }]);
});

test('a string parameter is read from memory and its length is not shown; a u64 result is a BigInt', () => {
  const { tracedNamespace, calls } = setup();
  tracedNamespace.path_open(3, 1, 16, 6, 48);
  assert.deepEqual(calls[0].args, { fd: '3', dirflags: '0x1', path: '"hi.txt"', rights: '0x30' });
  assert.deepEqual(calls[0].results, { rights: 0xffffffffffffffffn });
});

test('a string outside memory is shown as its pointer, and a failed call reports no results', () => {
  const { tracedNamespace, calls } = setup({ path_open: () => 8 });
  tracedNamespace.path_open(3, 0, 60, 10, 48);
  assert.equal(calls[0].args.path, '0x3c');
  assert.equal(calls[0].result, 'BADF');
  assert.equal(calls[0].results, undefined);
  assert.equal(calls[0].text, 'path_open(fd=3, dirflags=0x0, path=0x3c, rights=0x30) -> BADF');
});

test('before the memory is bound, strings show as pointers and no results are read', () => {
  const { tracedNamespace, calls } = setup({ memory: null });
  tracedNamespace.path_open(3, 0, 16, 6, 48);
  assert.equal(calls[0].args.path, '0x10');
  assert.equal(calls[0].results, undefined);
});

test('an errno without a name is shown as its number', () => {
  const { tracedNamespace, calls } = setup({ fd_close: () => 70 });
  assert.equal(tracedNamespace.fd_close(9), 70);
  assert.equal(calls[0].result, '70');
});

test('an exit is reported with its code and rethrown', () => {
  const exit = Object.assign(new Error('exit'), { name: 'WASIExitError', code: 3 });
  const { tracedNamespace, calls } = setup({ proc_exit: () => { throw exit; } });
  assert.throws(() => tracedNamespace.proc_exit(3), (e) => e === exit);
  assert.equal(calls[0].exitCode, 3);
  assert.equal(calls[0].text, 'proc_exit(rval=3) -> exit(3)');
});

test('a trap is reported with its message and rethrown', () => {
  const trap = new RangeError('out of bounds');
  const { tracedNamespace, calls } = setup({ fd_close: () => { throw trap; } });
  assert.throws(() => tracedNamespace.fd_close(1), (e) => e === trap);
  assert.equal(calls[0].trap, 'out of bounds');
  assert.equal(calls[0].text, 'fd_close(fd=1) -> trap: out of bounds');
});

test('only the functions the signatures name are copied, and the plain namespace is left as it was', () => {
  const { tracedNamespace } = setup();
  assert.deepEqual(Object.keys(tracedNamespace).sort(), ['fd_close', 'fd_write', 'path_open']);
});

test('an i64 argument is shown in decimal or hex as its kind says', () => {
  const calls = [];
  const ns = traced({ fd_seek: () => 0 }, 'fd_seek/nfd/Noffset/Xflags', ERRNOS, (call) => calls.push(call), 'm',
    () => null);
  ns.fd_seek(1, -5n, -1n);
  assert.deepEqual(calls[0].args, { fd: '1', offset: '-5', flags: '0xffffffffffffffff' });
});

test('a call with an i64 parameter (a BigInt) is reported with its results', () => {
  const memory = new ArrayBuffer(64);
  const calls = [];
  const namespace = {
    clock_time_get: (id, precision, time) => {
      new DataView(memory).setBigUint64(time, 5n, true);
      return 0;
    },
  };
  const tracedNamespace = traced(namespace, 'clock_time_get/nid/Nprecision/Rtime', ERRNOS, (call) => calls.push(call),
    'wasi_snapshot_preview1', () => memory);
  assert.equal(tracedNamespace.clock_time_get(1, 1000n, 8), 0);
  assert.deepEqual(calls[0].results, { time: 5n });
  assert.equal(calls[0].text, 'clock_time_get(id=1, precision=1000, time=0x8) -> SUCCESS (time=5)');
});

test('a string in a SharedArrayBuffer (a threaded guest) is decoded from a copy', () => {
  const memory = new SharedArrayBuffer(64);
  new Uint8Array(memory).set(new TextEncoder().encode('hi.txt'), 16);
  const calls = [];
  const tracedNamespace = traced({ path_open: () => 8 }, SIGNATURES, ERRNOS, (call) => calls.push(call),
    'wasi_snapshot_preview1', () => memory);
  tracedNamespace.path_open(3, 0, 16, 6, 48);
  assert.equal(calls[0].args.path, '"hi.txt"');
});
