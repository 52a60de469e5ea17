#!/usr/bin/env bash
# Builds a guest natively (gcc) and runs it on a fresh real directory at fd 3, then compares its
# stdout with the case's expected transcript: for guests written with *at calls relative to fd 3
# alone (last_component), whose expectations are Linux's answers. Not part of the build.
#
# usage: tools/run-native.sh NAME [--print]
set -euo pipefail
name=${1:?usage: tools/run-native.sh NAME [--print]}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -D_GNU_SOURCE -O1 -Wall -o "$work/$name" "$here/src/main/c/$name.c"
mkdir "$work/dir"
status=0
(cd "$work" && "./$name" 3<"$work/dir") >"$work/stdout" || status=$?
if [[ ${2:-} == --print ]]; then
  cat "$work/stdout"
  exit "$status"
fi
diff -u "$here/src/main/cases/$name.stdout" "$work/stdout"
echo "$name: native transcript matches (exit $status)"
