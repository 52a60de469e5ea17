// The pinned tools of src/build-tools (esbuild, terser, ESLint), installed with npm ci into <target>/build-tools,
// again whenever the lock file there is not the one in src/build-tools.
import { readFileSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

const pinned = join(dirname(fileURLToPath(import.meta.url)), '..', 'build-tools');

/** A require() that loads from the installed tools of <target>/build-tools. */
export function buildTools(target) {
  const tools = resolve(target, 'build-tools');
  const lock = join(tools, 'package-lock.json');
  const current = existsSync(join(tools, 'node_modules'))
    && existsSync(lock) && readFileSync(lock, 'utf8') === readFileSync(join(pinned, 'package-lock.json'), 'utf8');
  if (!current) {
    mkdirSync(tools, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) {
      copyFileSync(join(pinned, file), join(tools, file));
    }
    execFileSync('npm', ['ci', '--silent', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: tools, stdio: 'inherit' });
  }
  return createRequire(join(tools, 'package.json'));
}
