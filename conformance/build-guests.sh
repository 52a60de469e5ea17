#!/usr/bin/env bash
# Compiles the conformance guests and lays out the case files (their format: README.md, Cases):
#   <out>/guests/<name>.wasm   from src/main/c/<name>.c or src/main/cpp/<name>.cpp, or src/main/unstable/<name>.c:
#                              those are built without libc (-nostdlib), so they import wasi_unstable alone
#   <out>/guests/<name>.json   and, when present, <name>.stdout / <name>.stderr, from src/main/cases/
#   <out>/guests/index.txt     one case name per line, sorted
#   <out>/guests/reactors/<name>.wasm   from src/main/reactor/<name>.c, built as reactors (-mexec-model=reactor:
#                              _initialize instead of _start) for the JS API's initialize(); not conformance cases
#   <out>/guests/threads/<name>.wasm  from src/main/threads/<name>.c (pthreads, --target=wasm32-wasip1-threads over
#                              the sysroot scripts/threads-sysroot builds once into a cache) or <name>.wat (wat2wasm
#                              --enable-threads), with their case files from src/main/threads/cases/ and an index.txt;
#                              run by the threads runtime only, so they are not in the top index.txt
# A .wasm is rebuilt only when it is older than its source, a shared header or this script.
#
# usage: build-guests.sh MODULE_DIR OUTPUT_DIR   (Maven passes ${basedir} and ${project.build.outputDirectory})
set -euo pipefail
shopt -s nullglob

usage="usage: build-guests.sh MODULE_DIR OUTPUT_DIR"
module=${1:?$usage}
out=${2:?$usage}/guests
c_dir=$module/src/main/c
cpp_dir=$module/src/main/cpp
unstable_dir=$module/src/main/unstable
reactor_dir=$module/src/main/reactor
cases_dir=$module/src/main/cases
work=$module/target/guest-build
script=$module/build-guests.sh

fail() {
  echo "build-guests: $*" >&2
  exit 1
}

# newer_than TARGET FILE...: true when TARGET is missing or older than any FILE.
newer_than() {
  local target=$1; shift
  [[ -e $target ]] || return 0
  local f
  for f in "$@"; do
    [[ $f -nt $target ]] && return 0
  done
  return 1
}

for tool in clang-19 clang++-19 wasm-ld-19; do
  command -v "$tool" >/dev/null || fail "$tool not found: run scripts/install-system-deps"
done
system_config_site=/usr/include/wasm32-wasi/c++/v1/__config_site
for file in /usr/lib/wasm32-wasi/libc.a /usr/lib/wasm32-wasi/libc++.a /usr/lib/wasm32-wasi/libc++abi.a \
            /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a "$system_config_site"; do
  [[ -e $file ]] || fail "$file not found (wasi-libc, libc++, compiler-rt for wasm32): run scripts/install-system-deps"
done

# Debian's wasm32 libc++ is configured with LIBCXX_ENABLE_FILESYSTEM=OFF: its __config_site
# defines _LIBCPP_HAS_NO_FILESYSTEM, which hides <fstream> as well as std::filesystem. File streams
# are header templates over stdio, so a copy of __config_site without that line, found before the
# system one, brings them back (src/main/cpp/fstream_support.h then instantiates basic_filebuf &
# co., which that libc++.a lacks). std::filesystem's operations (create_directories,
# directory_iterator, file_size, remove_all, ...) are compiled code in libc++'s operations.cpp and
# directory_iterator.cpp, which that libc++.a does not contain, so they stay unavailable;
# std::filesystem::path (path.cpp) is there.
overlay=$work/libcxx-overlay
if newer_than "$overlay/__config_site" "$system_config_site" "$script"; then
  mkdir -p "$overlay"
  grep -v '^#define _LIBCPP_HAS_NO_FILESYSTEM$' "$system_config_site" > "$overlay/__config_site"
fi

# --strip-debug drops the DWARF that Debian's libc.a and libc++.a carry (keeps the name section).
common_flags=(--target=wasm32-wasi --sysroot=/usr -O2 -Wall -Wextra -Werror -Wl,--strip-debug -I "$c_dir")
c_flags=(-std=gnu11)
# No C++ exceptions on wasm32 here: libc++abi is built without __cxa_throw.
cxx_flags=(-std=c++17 -fno-exceptions -I "$overlay" -I "$cpp_dir")

mkdir -p "$out"
headers=("$c_dir"/*.h "$cpp_dir"/*.h "$unstable_dir"/*.h "$overlay/__config_site" "$script")
names=()
built=0

# compile COMPILER SOURCE FLAGS...: builds <out>/<name>.wasm unless it is up to date.
compile() {
  local compiler=$1 source=$2; shift 2
  local name wasm
  name=$(basename "${source%.*}")
  wasm=$out/$name.wasm
  names+=("$name")
  if newer_than "$wasm" "$source" "${headers[@]}"; then
    # Compile to a temporary name so a failed build never leaves a fresh-looking .wasm behind.
    "$compiler" "${common_flags[@]}" "$@" "$source" -o "$wasm.tmp" || fail "compiling $source failed"
    mv "$wasm.tmp" "$wasm"
    built=$((built + 1))
  fi
}

for source in "$c_dir"/*.c; do
  compile clang-19 "$source" "${c_flags[@]}"
done
for source in "$cpp_dir"/*.cpp; do
  compile clang++-19 "$source" "${cxx_flags[@]}"
done
for source in "$unstable_dir"/*.c; do
  compile clang-19 "$source" "${c_flags[@]}" -nostdlib -I "$unstable_dir"
done

mkdir -p "$out/reactors"
for source in "$reactor_dir"/*.c; do
  wasm=$out/reactors/$(basename "${source%.c}").wasm
  if newer_than "$wasm" "$source" "${headers[@]}"; then
    clang-19 "${common_flags[@]}" "${c_flags[@]}" -mexec-model=reactor "$source" -o "$wasm.tmp" \
      || fail "compiling $source failed"
    mv "$wasm.tmp" "$wasm"
    built=$((built + 1))
  fi
done

# The wasi-threads guests, a case set of their own.
threads_dir=$module/src/main/threads
threads_out=$out/threads
threads_names=()
mkdir -p "$threads_out"
eval "$("$module/../scripts/threads-sysroot")"
threads_flags=(--target=wasm32-wasip1-threads --sysroot="$SYSROOT" -resource-dir "$RESOURCE_DIR" -pthread -O2 -Wall -Wextra
  -Werror -std=gnu11 -Wl,--strip-debug -Wl,--import-memory,--export-memory,--max-memory=67108864)
for source in "$threads_dir"/*.c "$threads_dir"/*.wat; do
  name=$(basename "${source%.*}")
  wasm=$threads_out/$name.wasm
  threads_names+=("$name")
  if newer_than "$wasm" "$source" "$threads_dir"/*.h "$script"; then
    if [[ $source == *.wat ]]; then
      wat2wasm --enable-threads "$source" -o "$wasm.tmp" || fail "assembling $source failed"
    else
      clang-19 "${threads_flags[@]}" "$source" -o "$wasm.tmp" || fail "compiling $source failed"
    fi
    mv "$wasm.tmp" "$wasm"
    built=$((built + 1))
  fi
done
for name in "${threads_names[@]}"; do
  [[ -e $threads_dir/cases/$name.json ]] || fail "threads guest $name has no case spec $threads_dir/cases/$name.json"
  cp "$threads_dir/cases/$name.json" "$threads_out/$name.json"
  for stream in stdout stderr; do
    if [[ -e $threads_dir/cases/$name.$stream ]]; then
      cp "$threads_dir/cases/$name.$stream" "$threads_out/$name.$stream"
    else
      rm -f "$threads_out/$name.$stream"
    fi
  done
done
for spec in "$threads_dir"/cases/*.json; do
  [[ -e $threads_out/$(basename "$spec" .json).wasm ]] || fail "case spec $spec has no threads guest source"
done
for file in "$threads_out"/*; do
  base=$(basename "$file")
  [[ $base == index.txt ]] && continue
  [[ " ${threads_names[*]} " == *" ${base%%.*} "* ]] || rm -f "$file"
done
printf '%s\n' "${threads_names[@]}" | LC_ALL=C sort > "$threads_out/index.txt"

# Every guest needs a case spec, and every case spec a guest.
for name in "${names[@]}"; do
  [[ -e $cases_dir/$name.json ]] || fail "guest $name has no case spec $cases_dir/$name.json"
done
for spec in "$cases_dir"/*.json; do
  name=$(basename "$spec" .json)
  [[ -e $out/$name.wasm ]] || fail "case spec $spec has no guest source"
done

# Case files are small: copy them every time, so an edited or deleted expectation never lingers.
for name in "${names[@]}"; do
  cp "$cases_dir/$name.json" "$out/$name.json"
  for stream in stdout stderr; do
    if [[ -e $cases_dir/$name.$stream ]]; then
      cp "$cases_dir/$name.$stream" "$out/$name.$stream"
    else
      rm -f "$out/$name.$stream"
    fi
  done
done

# Drop the outputs of guests whose sources were removed.
for file in "$out"/*; do
  base=$(basename "$file")
  [[ $base == index.txt || $base == reactors || $base == threads ]] && continue
  [[ " ${names[*]} " == *" ${base%%.*} "* ]] || rm -f "$file"
done

printf '%s\n' "${names[@]}" | LC_ALL=C sort > "$out/index.txt"
echo "build-guests: ${#names[@]} cases and ${#threads_names[@]} threads cases, $built guest(s) compiled, into $out"
