#!/usr/bin/env bash
# check-dist.sh <target dir> <node>: checks the packed npm package. Installs the pinned TypeScript (npm ci, from
# this folder's package-lock.json) into <target>/dist-check/tools, installs the tarball into a scratch project
# <target>/dist-check/consumer, type-checks usage.ts against it, runs it from Node as ESM and as CommonJS, and
# checks that its source maps lead a stack trace back to the Java sources.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$1"
node="${2:-node}"
work="$target/dist-check"
export npm_config_cache="$target/npm-cache" npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

tarball="$(ls "$target"/wasi-polyfill-*.tgz | head -n 1)"
rm -rf "$work"
mkdir -p "$work/tools" "$work/consumer"
cp "$here/package.json" "$here/package-lock.json" "$work/tools/"
(cd "$work/tools" && npm ci --silent --prefer-offline)

cd "$work/consumer"
echo '{ "name": "consumer", "private": true }' > package.json
npm install --silent --no-save --offline "$tarball"
cp "$here/usage.ts" "$here/esm.mjs" "$here/cjs.cjs" "$here/stack-frames.cjs" .
"$node" "$work/tools/node_modules/typescript/bin/tsc" --noEmit --strict --target es2022 --lib es2022,dom \
  --module nodenext --moduleResolution nodenext usage.ts
echo "[check-dist] tsc: usage.ts type-checks against index.d.ts"
hello="$(cd "$here/../../../.." && pwd)/conformance/target/classes/guests/hello.wasm"
if [ ! -f "$hello" ]; then
  hello="$work/hello.wasm"
  unzip -p "$(ls ~/.m2/repository/org/wasipolyfill/conformance/*/conformance-*.jar | head -n 1)" guests/hello.wasm > "$hello"
fi
"$node" esm.mjs "$hello"
"$node" cjs.cjs "$hello"
"$node" --enable-source-maps stack-frames.cjs
