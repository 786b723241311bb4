#!/usr/bin/env bash
# Builds the C kernels into one shared library that the Java side loads through FFM.
# Called by Maven (native/pom.xml) as: build.sh <source dir> <output dir>
# Without a C compiler, or with ANNALS_NATIVE_SKIP=1, it builds nothing and says so: Annals then
# runs on its pure-Java kernels, which produce the same bytes.
set -euo pipefail
src=$1
out=$2
cc=${CC:-gcc}
if [ "${ANNALS_NATIVE_SKIP:-0}" = 1 ]; then
  echo "annals-native: ANNALS_NATIVE_SKIP=1, C kernels not built; the Java kernels will be used"
  exit 0
fi
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "annals-native: WARNING no C compiler ('$cc') found; C kernels not built, the Java kernels will be used"
  exit 0
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86_64 ;;
  *)
    echo "annals-native: WARNING C kernels are built only on Linux x86-64; the Java kernels will be used"
    exit 0
    ;;
esac
mkdir -p "$out/native/$platform"
lib="$out/native/$platform/libannals_kernels.so"
# Up to date? (any source newer than the library rebuilds it)
if [ -f "$lib" ] && [ -z "$(find "$src" -name '*.[ch]' -newer "$lib" -print -quit)" ]; then
  exit 0
fi
# x86-64-v2 baseline; wider instruction sets are enabled per function with target attributes and
# chosen at run time, so the library runs on any x86-64-v2 machine.
"$cc" -O3 -std=c11 -march=x86-64-v2 -fPIC -shared -pthread -fvisibility=hidden \
  -Wall -Wextra -Werror -o "$lib.tmp" "$src"/*.c
mv "$lib.tmp" "$lib"
echo "annals-native: built $lib"
