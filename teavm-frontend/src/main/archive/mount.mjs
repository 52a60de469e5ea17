// Makes a plan's steps in a MemFS directory, all or nothing: on any failure (the byte budget, say) what was made is
// removed again and the directory's times put back, and the error names the entry that failed.
import { ArchiveError } from './errors.mjs';
import { join, lexists } from './plan.mjs';

const FAILURES = {
  ENOSPC: "the MemFS's byte budget (maxBytes) is used up",
  EFBIG: "the file is larger than the MemFS's maxFileSize",
};

/**
 * Makes dir (and its missing parents) unless it exists. Returns the outermost directory made (or null) and the
 * times of the directory that got a new name (dir itself, or the parent of what was made), to put them back.
 */
function prepareTarget(operation, fs, dir) {
  if (lexists(fs, dir)) {
    const stat = fs.stat(dir);
    if (!stat.isDirectory()) {
      throw new ArchiveError(operation, null, `the target '${dir}' is not a directory`);
    }
    return { made: null, anchor: dir, before: stat };
  }
  let outermost = dir;
  for (let parent = parentOf(dir); parent !== '/' && !lexists(fs, parent); parent = parentOf(parent)) {
    outermost = parent;
  }
  const anchor = parentOf(outermost);
  const before = fs.stat(anchor);
  if (!before.isDirectory()) {
    throw new ArchiveError(operation, null, `the target's parent '${anchor}' is not a directory`);
  }
  fs.mkdir(dir, { recursive: true });
  return { made: outermost, anchor, before };
}

function parentOf(path) {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}

/** Removes path and everything below it. */
export function removeTree(fs, path) {
  if (fs.lstat(path).isDirectory()) {
    for (const name of fs.readdir(path)) {
      removeTree(fs, join(path, name));
    }
    fs.rmdir(path);
  } else {
    fs.unlink(path);
  }
}

/** Makes the steps below dir; returns how many entries and file bytes were made. */
export function mountSteps(operation, fs, dir, steps) {
  const target = prepareTarget(operation, fs, dir);
  const topLevel = [];
  let current = null;
  let bytes = 0;
  try {
    for (const step of steps) {
      current = step;
      const path = join(dir, step.path);
      const entry = step.entry;
      if (!step.path.includes('/')) {
        topLevel.push(path);
      }
      if (entry === null || entry.type === 'directory') {
        fs.mkdir(path);
      } else if (entry.type === 'file') {
        fs.writeFile(path, entry.data);
        bytes += entry.data.length;
      } else if (entry.type === 'symlink') {
        fs.symlink(entry.target, path);
      } else {
        fs.link(join(dir, entry.linksTo), path);
      }
    }
    // Modes, then times children first: making a child stamps its directory's mtime.
    for (const step of steps) {
      current = step;
      const entry = step.entry;
      if (entry !== null && entry.mode !== null && entry.type !== 'symlink' && entry.type !== 'link') {
        fs.chmod(join(dir, step.path), entry.mode);
      }
    }
    for (let i = steps.length - 1; i >= 0; i--) {
      current = steps[i];
      const entry = current.entry;
      if (entry !== null && entry.mtime !== null && entry.type !== 'link') {
        const path = join(dir, current.path);
        const atime = entry.atime ?? entry.mtime;
        if (entry.type === 'symlink') {
          fs.lutimes(path, atime, entry.mtime);
        } else {
          fs.utimes(path, atime, entry.mtime);
        }
      }
    }
  } catch (e) {
    for (let i = topLevel.length - 1; i >= 0; i--) {
      if (lexists(fs, topLevel[i])) {
        removeTree(fs, topLevel[i]);
      }
    }
    if (target.made !== null) {
      removeTree(fs, target.made);
    }
    fs.utimes(target.anchor, target.before.atimeNs, target.before.mtimeNs);
    const name = current.entry ? current.entry.name : current.path;
    throw new ArchiveError(operation, name, FAILURES[e.code] ?? e.message);
  }
  return { entries: steps.filter((step) => step.entry !== null).length, bytes };
}
