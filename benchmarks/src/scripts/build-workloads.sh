#!/usr/bin/env bash
# Compiles the benchmark workloads src/main/c/<name>.c into <out>/bench/<name>.wasm with clang-19 for wasm32-wasi,
# and the threads suite's src/main/threads/threads.c twice: <out>/bench/threads.wasm for wasm32-wasip1-threads
# (-pthread, over the sysroot scripts/threads-sysroot builds once into a cache; malloc and free exported, which
# @emnapi/wasi-threads needs for the old thread-spawn ABI) and <out>/bench/threads-single.wasm for wasm32-wasi
# (-DSINGLE_THREADED, the baseline of the per-call rows).
# A .wasm is rebuilt only when it is older than its source, bench.h or this script.
#
# usage: build-workloads.sh MODULE_DIR OUTPUT_DIR   (Maven passes ${basedir} and ${project.build.outputDirectory})
set -euo pipefail
shopt -s nullglob

module=${1:?usage: build-workloads.sh MODULE_DIR OUTPUT_DIR}
out=${2:?usage: build-workloads.sh MODULE_DIR OUTPUT_DIR}/bench
c_dir=$module/src/main/c
script=$module/src/scripts/build-workloads.sh

fail() {
  echo "build-workloads: $*" >&2
  exit 1
}

command -v clang-19 >/dev/null || fail "clang-19 not found: run scripts/install-system-deps"
command -v wasm-ld-19 >/dev/null || fail "wasm-ld-19 (lld-19) not found: run scripts/install-system-deps"
[[ -e /usr/lib/wasm32-wasi/libc.a ]] || fail "/usr/lib/wasm32-wasi/libc.a (wasi-libc) not found: run scripts/install-system-deps"

flags=(--target=wasm32-wasi --sysroot=/usr -O2 -std=c11 -Wall -Wextra -Werror -I "$c_dir")

mkdir -p "$out"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
built=0
names=()
for source in "$c_dir"/*.c; do
  name=$(basename "$source" .c)
  names+=("$name")
  wasm=$out/$name.wasm
  if [[ ! -e $wasm || $source -nt $wasm || $c_dir/bench.h -nt $wasm || $script -nt $wasm ]]; then
    # Built in a scratch folder, so a failed build never leaves a fresh-looking .wasm behind (and the module
    # keeps its own name, which engines show in profiles).
    clang-19 "${flags[@]}" "$source" -o "$scratch/$name.wasm" || fail "compiling $source failed"
    mv "$scratch/$name.wasm" "$wasm"
    built=$((built + 1))
  fi
done
(( ${#names[@]} > 0 )) || fail "no workloads in $c_dir"

threads_source=$module/src/main/threads/threads.c
if [[ ! -e $out/threads.wasm || $threads_source -nt $out/threads.wasm || $c_dir/bench.h -nt $out/threads.wasm || $script -nt $out/threads.wasm ]]; then
  eval "$("$module/../scripts/threads-sysroot")"
  clang-19 --target=wasm32-wasip1-threads --sysroot="$SYSROOT" -resource-dir "$RESOURCE_DIR" -pthread -O2 -std=gnu11 \
    -Wall -Wextra -Werror -Wl,--import-memory,--export-memory,--max-memory=67108864,--export=malloc,--export=free \
    "$threads_source" -o "$scratch/threads.wasm" || fail "compiling $threads_source (threaded) failed"
  clang-19 "${flags[@]/-std=c11/-std=gnu11}" -DSINGLE_THREADED "$threads_source" -o "$scratch/threads-single.wasm" \
    || fail "compiling $threads_source (single-threaded) failed"
  mv "$scratch/threads-single.wasm" "$out/threads-single.wasm"
  mv "$scratch/threads.wasm" "$out/threads.wasm"
  built=$((built + 2))
fi
echo "build-workloads: ${#names[@]} workloads, $built compiled, into $out"
