// Command-line words for argv and the environment.

/** Splits a command line into words: whitespace separates, "..." and '...' keep spaces, \ escapes one char. */
export function splitArgs(line) {
  const words = [];
  let word = null;
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** Parses NAME=value words (quoted as for arguments); a word without '=' sets an empty value. */
export function parseEnv(line) {
  const env = {};
  for (const word of splitArgs(line)) {
    const eq = word.indexOf('=');
    if (eq < 0) env[word] = '';
    else env[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return env;
}
