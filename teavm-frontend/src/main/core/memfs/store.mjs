// MemFS.save and MemFS.load (JsMemFs): the promise plumbing between a MemFS and a store. `baselines` maps a
// store's id to { generation, stamp }, what the store holds of this MemFS, so that a save writes only the changes
// since then.

/**
 * Writes the changes since the store's baseline (all of them when there is none): `changesSince(generation)` gives
 * them, -1 asking for everything. A write the store refuses as stale (it is no longer in the state the changes
 * build on) is made again in full; any failure forgets the baseline.
 */
export function save(store, id, baselines, changesSince) {
  const attempt = (retry) => {
    const prior = baselines.get(id);
    const changes = changesSince(prior ? prior.generation : -1);
    changes.base = changes.full ? null : prior.stamp;
    return new Promise((resolve) => resolve(store.write(changes))).then((result) => {
      if (!result || typeof result.stamp !== 'string') {
        throw new TypeError('MemFS.save: store.write() did not resolve to { stamp }');
      }
      baselines.set(id, { generation: changes.generation, stamp: result.stamp });
      return result;
    }, (error) => {
      baselines.delete(id);
      if (retry && error && error.stale === true) {
        return attempt(false);
      }
      throw error;
    });
  };
  return attempt(true);
}

/**
 * Reads the store's snapshot into the MemFS with `restore(snapshot)` (which returns its generation) and makes the
 * store this MemFS's only baseline; resolves to false, changing nothing, when the store holds no snapshot. The
 * store is handed `limits` ({ usedBytes, maxBytes, maxFileSize }) to refuse what would not fit before it reads it.
 */
export function load(store, id, baselines, limits, restore) {
  return new Promise((resolve) => resolve(store.read(limits))).then((snapshot) => {
    if (snapshot === null || snapshot === undefined) {
      return false;
    }
    const generation = restore(snapshot);
    baselines.clear();
    baselines.set(id, { generation, stamp: snapshot.stamp });
    return true;
  });
}
