// node lint.mjs <target dir>: lints the project's own JS modules (every src/main/**/*.mjs: the core's, the entry
// points', what they share, and the unit tests beside them) with the ESLint pinned in src/build-tools; prints each
// problem and exits non-zero when there is an error.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTools } from './build-tools.mjs';

const [target] = process.argv.slice(2);
const frontend = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tools = buildTools(target);
const { ESLint } = tools('eslint');
const recommended = tools('@eslint/js').configs.recommended;
const globals = tools('globals');

const eslint = new ESLint({
  cwd: frontend,
  overrideConfigFile: true,
  overrideConfig: [
    recommended,
    {
      languageOptions: {
        ecmaVersion: 2022,
        sourceType: 'module',
        globals: { ...globals.browser, ...globals.worker, ...globals.node },
      },
      rules: {
        // One-line guards (`if (this.done) return;`) as the entry points write them; a longer body takes braces.
        curly: ['error', 'multi-line'],
        eqeqeq: 'error',
        'no-var': 'error',
        'prefer-const': 'error',
        'no-shadow': 'error',
        'no-implicit-globals': 'error',
        'no-unused-vars': ['error', { caughtErrors: 'none' }],
      },
    },
  ],
});
const results = await eslint.lintFiles(['src/main/**/*.mjs']);
const output = (await eslint.loadFormatter('stylish')).format(results);
if (output) {
  console.log(output);
}
const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
console.log(`[lint] ${results.length} files, ${errors} errors`);
process.exitCode = errors > 0 ? 1 : 0;
