// A MemFS moved between the page and the Worker of runInWorker as the core's lossless image: the snapshot
// MemFS.save hands a store and MemFS.load takes back (inode numbers, hard links, modes and all three times kept).
// The store lives in memory for one hand-over; load refuses a snapshot past the receiving MemFS's limits before
// anything of that MemFS changes.

const ID = 'wasi-polyfill/worker';

/** A store for one image: takes a full save, gives it back to one load. */
class ImageStore {
  constructor(snapshot = null) {
    this.id = ID;
    this.snapshot = snapshot;
  }

  write(changes) {
    if (!changes.full) {
      // The MemFS's baseline is an image this store no longer holds: it saves again in full.
      throw Object.assign(new Error('the image store holds no earlier image'), { stale: true });
    }
    const stamp = String(changes.generation);
    this.snapshot = {
      stamp,
      inodes: changes.inodes.map((record) => (record.type === 'file' ? { ...record, data: [record.data] } : record)),
    };
    return { stamp };
  }

  read() {
    return this.snapshot;
  }
}

/** The whole tree of a MemFS as a snapshot ({ stamp, inodes }), to post to the other side. */
export async function saveImage(fs) {
  const store = new ImageStore();
  await fs.save(store);
  return store.snapshot;
}

/**
 * Makes a MemFS hold exactly the snapshot; rejects, changing nothing, when it does not fit the MemFS's maxBytes
 * or maxFileSize or is not a well-formed tree. `still()` is asked when the snapshot is about to be read: false
 * leaves the MemFS as it is (a run aborted meanwhile).
 */
export async function loadImage(fs, snapshot, still = () => true) {
  const store = new ImageStore(snapshot);
  store.read = () => (still() ? snapshot : null);
  await fs.load(store);
}

/** The ArrayBuffers of the snapshot's file bytes, to transfer rather than copy. */
export function imageBuffers(snapshot) {
  const buffers = new Set();
  for (const record of snapshot.inodes) {
    for (const chunk of record.type === 'file' ? record.data : []) {
      if (chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength) buffers.add(chunk.buffer);
    }
  }
  return [...buffers];
}
