// The one error every archive operation throws: what it was doing, which entry, and what is wrong with it.

export class ArchiveError extends Error {
  /**
   * @param {string} operation e.g. 'mountTar'
   * @param {string | null} entry the entry's name as the archive spells it, or null for the archive as a whole
   * @param {string} problem what is wrong
   */
  constructor(operation, entry, problem) {
    super(entry === null ? `${operation}: ${problem}` : `${operation}: entry '${entry}': ${problem}`);
    this.name = 'ArchiveError';
    this.entry = entry;
    this.problem = problem;
  }
}
