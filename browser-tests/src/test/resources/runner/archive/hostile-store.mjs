// A hostile store for MemFS.load, in Node.js and in pages: any object with an id and read() is a store, and this
// one's snapshot holds a file of 1.5 GiB whose 1536 chunks all view one MiB, so it costs 1 MiB to make.

export const HUGE = 1536 * (1 << 20);

export function hugeStore(M) {
  const chunk = new Uint8Array(1 << 20);
  const record = (ino, type, content) => ({ ino, type, atim: 0n, mtim: 0n, ctim: 0n, mode: 0o644, ...content });
  return {
    id: 'hostile',
    write() {
      throw new Error('not written');
    },
    read: () => ({
      stamp: 'hostile',
      inodes: [
        record(new M.MemFS().lstat('/').ino, 'directory', { names: [new TextEncoder().encode('zeros.bin')], inos: [2] }),
        record(2, 'file', { data: new Array(HUGE / chunk.length).fill(chunk) }),
      ],
    }),
  };
}
