import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, save } from './store.mjs';

/** A MemFS at generation 7 whose changes since g are full when g is -1. */
function changesSince(asked) {
  return (since) => {
    asked.push(since);
    return { generation: 7, full: since === -1, inodes: [] };
  };
}

/** A store that answers each write with the next of `answers` (a stamp, or an error to reject with). */
function store(answers) {
  const writes = [];
  return {
    writes,
    write(changes) {
      writes.push({ ...changes });
      const answer = answers.shift();
      if (answer instanceof Error) {
        return Promise.reject(answer);
      }
      return typeof answer === 'string' ? { stamp: answer } : answer;
    },
  };
}

test('a first save writes everything and remembers the stamp; the next writes the changes since', async () => {
  const baselines = new Map();
  const asked = [];
  const target = store(['s1', 's2']);
  assert.deepEqual(await save(target, 'db', baselines, changesSince(asked)), { stamp: 's1' });
  assert.deepEqual(baselines.get('db'), { generation: 7, stamp: 's1' });
  await save(target, 'db', baselines, changesSince(asked));
  assert.deepEqual(asked, [-1, 7]);
  assert.deepEqual(target.writes.map((w) => [w.full, w.base]), [[true, null], [false, 's1']]);
  assert.equal(baselines.get('db').stamp, 's2');
});

test('a write refused as stale is made again once, in full', async () => {
  const baselines = new Map([['db', { generation: 3, stamp: 'old' }]]);
  const asked = [];
  const target = store([Object.assign(new Error('stale'), { stale: true }), 's9']);
  assert.deepEqual(await save(target, 'db', baselines, changesSince(asked)), { stamp: 's9' });
  assert.deepEqual(asked, [3, -1]);
  assert.deepEqual(target.writes.map((w) => w.base), ['old', null]);
});

test('a second stale refusal, or any other failure, rejects and forgets the baseline', async () => {
  const stale = () => Object.assign(new Error('stale'), { stale: true });
  const baselines = new Map([['db', { generation: 3, stamp: 'old' }]]);
  const failure = stale();
  await assert.rejects(save(store([stale(), failure]), 'db', baselines, changesSince([])), (e) => e === failure);
  assert.equal(baselines.has('db'), false);
  const broken = new Error('disk full');
  await assert.rejects(save(store([broken]), 'db', baselines, changesSince([])), (e) => e === broken);
});

test('a write that does not resolve to { stamp } is a TypeError saying so', async () => {
  const baselines = new Map();
  await assert.rejects(save(store([{ id: 1 }]), 'db', baselines, changesSince([])),
    { name: 'TypeError', message: 'MemFS.save: store.write() did not resolve to { stamp }' });
  assert.equal(baselines.has('db'), false);
});

test('a store.write that throws rejects the save', async () => {
  const failure = new Error('closed');
  const thrower = { write: () => { throw failure; } };
  await assert.rejects(save(thrower, 'db', new Map(), changesSince([])), (e) => e === failure);
});

test('a load restores the snapshot and makes the store the only baseline', async () => {
  const baselines = new Map([['other', { generation: 1, stamp: 'x' }]]);
  const snapshot = { stamp: 's5', inodes: [] };
  const restored = [];
  const loaded = await load({ read: async () => snapshot }, 'db', baselines, {}, (s) => restored.push(s) && 12);
  assert.equal(loaded, true);
  assert.deepEqual(restored, [snapshot]);
  assert.deepEqual([...baselines], [['db', { generation: 12, stamp: 's5' }]]);
});

test('a store without a snapshot loads nothing and keeps the baselines', async () => {
  const baselines = new Map([['db', { generation: 1, stamp: 'x' }]]);
  for (const empty of [null, undefined]) {
    assert.equal(await load({ read: () => empty }, 'db', baselines, {}, () => assert.fail('restored')), false);
  }
  assert.equal(baselines.size, 1);
});

test('a snapshot restore refuses rejects the load and keeps the baselines', async () => {
  const baselines = new Map([['db', { generation: 1, stamp: 'x' }]]);
  const corrupt = new Error('corrupt');
  await assert.rejects(load({ read: () => ({ stamp: 'y' }) }, 'db', baselines, {}, () => {
    throw corrupt;
  }), (e) => e === corrupt);
  assert.deepEqual(baselines.get('db'), { generation: 1, stamp: 'x' });
});
