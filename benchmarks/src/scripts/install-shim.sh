#!/usr/bin/env bash
# Installs @bjorn3/browser_wasi_shim, at the version pinned by package.json and package-lock.json, from the npm
# registry into <target>/npm, and copies its ES modules to <out>/bench/vendor/browser_wasi_shim/ (the folder the
# Node and browser drivers import it from). Nothing of it is ever committed.
# The threads suite's @emnapi/wasi-threads and @tybys/wasm-util, pinned by the same files, stay in
# <target>/npm/node_modules, where the Node-only threads driver imports them from.
# The install is skipped while the lock file is older than the installed copy.
#
# usage: install-shim.sh MODULE_DIR TARGET_DIR OUTPUT_DIR   (${basedir} ${project.build.directory} ${project.build.outputDirectory})
set -euo pipefail

module=${1:?usage: install-shim.sh MODULE_DIR TARGET_DIR OUTPUT_DIR}
target=${2:?usage: install-shim.sh MODULE_DIR TARGET_DIR OUTPUT_DIR}
out=${3:?usage: install-shim.sh MODULE_DIR TARGET_DIR OUTPUT_DIR}/bench/vendor/browser_wasi_shim
prefix=$target/npm
installed=$prefix/node_modules/@bjorn3/browser_wasi_shim

fail() {
  echo "install-shim: $*" >&2
  exit 1
}

command -v npm >/dev/null || fail "npm not found: run scripts/install-system-deps"

if [[ ! -e $installed/package.json || $module/package-lock.json -nt $installed/package.json ]]; then
  mkdir -p "$prefix"
  cp "$module/package.json" "$module/package-lock.json" "$prefix/"
  (cd "$prefix" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) \
    || fail "npm ci in $prefix failed (is registry.npmjs.org reachable?)"
  touch "$installed/package.json"
fi

version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$installed/package.json" | head -1)
rm -rf "$out"
mkdir -p "$out"
cp "$installed"/dist/*.js "$out/"
cp "$installed"/LICENSE-* "$out/" 2>/dev/null || true
# Its package.json says "type": "module", which tells Node how to load dist/*.js.
cp "$installed/package.json" "$out/package.json"
echo "$version" > "$out/VERSION"
echo "install-shim: @bjorn3/browser_wasi_shim $version into $out"
