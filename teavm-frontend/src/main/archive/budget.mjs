// What a mount may still add to a MemFS. Every size an archive declares is claimed here before a byte of it is
// inflated or copied, so an archive that would not fit is refused before it costs memory.
import { ArchiveError } from './errors.mjs';

export class Budget {
  #operation;
  #left;
  #maxFileSize;

  /** The room left in fs: its maxBytes less the bytes its files hold now, and its maxFileSize. */
  constructor(operation, fs) {
    const { usedBytes, maxBytes, maxFileSize } = fs.usage();
    this.#operation = operation;
    this.#left = maxBytes - usedBytes;
    this.#maxFileSize = maxFileSize;
  }

  /** The bytes not claimed yet. */
  get left() {
    return Math.max(0, this.#left);
  }

  /** Takes size bytes for the entry name, or throws an ArchiveError naming it when they do not fit. */
  claim(name, size) {
    if (size > this.#maxFileSize) {
      throw new ArchiveError(this.#operation, name,
        `it declares ${size} bytes, more than the MemFS's maxFileSize (${this.#maxFileSize}); nothing was inflated`);
    }
    if (size > this.#left) {
      throw new ArchiveError(this.#operation, name, `it declares ${size} bytes, more than the ${Math.max(0, this.#left)}`
        + " left of the MemFS's byte budget (maxBytes) after the entries before it; nothing was inflated");
    }
    this.#left -= size;
  }
}
