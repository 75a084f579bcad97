#!/usr/bin/env bash
# Fuzzes the GeoTIFF and ESRI ASCII grid readers with libFuzzer and AddressSanitizer.
#
# Usage: Tests/Fuzz/run.sh [RUNS]    (default 20000; FUZZ_BUILD_DIR overrides .build/fuzz)
#
# Compiles GEPCore, then GEPRaster (with the system zlib through Sources/CZlib), then
# RasterFuzz.swift, all with -sanitize=fuzzer,address, and runs the target RUNS times on a
# seed corpus made from the test fixtures. Exits non-zero when the fuzzer finds a crash,
# a leak or a sanitizer error; the crashing input is left in the build directory.
set -euo pipefail

runs="${1:-20000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/.build/fuzz}"
corpus="$build/corpus"
mkdir -p "$build"
rm -rf "$corpus"
mkdir -p "$corpus"
cp "$root"/Tests/GEPRasterTests/Fixtures/*.tif "$corpus"/
# small ESRI ASCII seeds: the first rows of a fixture grid and a header-only grid
head -c 4096 "$root"/Tests/GEPRasterTests/Fixtures/precip.asc > "$corpus"/precip-head.asc
printf 'ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 30\nNODATA_value -9999\n1 2\n3 -9999\n' > "$corpus"/tiny.asc

flags=(-sanitize=fuzzer,address -parse-as-library -O -g -package-name gep -I "$build")

mapfile -t core_sources < <(find -L "$root/Sources/GEPCore" -name '*.swift' | sort)
swiftc "${flags[@]}" -module-name GEPCore -wmo -c "${core_sources[@]}" \
    -emit-module -emit-module-path "$build/GEPCore.swiftmodule" -o "$build/GEPCore.o"

mapfile -t raster_sources < <(find -L "$root/Sources/GEPRaster" -name '*.swift' | sort)
swiftc "${flags[@]}" -module-name GEPRaster -wmo -c "${raster_sources[@]}" -I "$root/Sources/CZlib" \
    -emit-module -emit-module-path "$build/GEPRaster.swiftmodule" -o "$build/GEPRaster.o"

swiftc "${flags[@]}" -module-name RasterFuzz -I "$root/Sources/CZlib" "$root/Tests/Fuzz/RasterFuzz.swift" \
    "$build/GEPCore.o" "$build/GEPRaster.o" -lz -o "$build/raster-fuzz"

cd "$build"
./raster-fuzz -runs="$runs" -rss_limit_mb=2048 -print_final_stats=1 "$corpus"
