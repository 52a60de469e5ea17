// A guest (tree_sum) reading lazy files, shared by the page (archive.html) and a Worker (lazy-worker.mjs).
// plan: { files: [{ path, url, size?, head? }], args: tree_sum's commands }. A file with head: true is made by
// lazyFileFromUrl (its size from a HEAD request), the others by lazyFile with their size.
// Returns { stdout, exitCode, errors: what onError was told }.
export async function lazyReads(M, L, treeSum, plan) {
  const fs = new M.MemFS();
  fs.mkdir('/data');
  const errors = [];
  const onError = (error) => errors.push(error.message);
  for (const file of plan.files) {
    if (file.head) {
      await L.lazyFileFromUrl(fs, file.path, file.url, { onError });
    } else {
      L.lazyFile(fs, file.path, file.url, { size: file.size, onError });
    }
  }
  const result = await M.WASI.run(treeSum, { args: ['tree_sum', ...plan.args], fs, preopens: { '/data': '/data' } });
  return { stdout: new TextDecoder().decode(result.stdout), exitCode: result.exitCode, errors };
}
