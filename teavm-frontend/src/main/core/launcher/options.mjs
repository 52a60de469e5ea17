import { describe } from '../../shared/describe.mjs';

/** A copy of the caller's options bag, or a TypeError naming `who` when it is not an object. */
export function copyOptions(who, options) {
  if (options === undefined || options === null) {
    return {};
  }
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${who}: options must be an object, got ${describe(options)}`);
  }
  return { ...options };
}
