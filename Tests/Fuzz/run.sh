#!/usr/bin/env bash
# Fuzzes the user-facing parsers with libFuzzer and AddressSanitizer.
#
# Usage: Tests/Fuzz/run.sh TARGET [RUNS]   one target, RUNS executions (default 20000)
#        Tests/Fuzz/run.sh all [RUNS]      every target, one after another, then a summary
#        Tests/Fuzz/run.sh RUNS            the raster target (the script's original form)
#        Tests/Fuzz/run.sh list            the targets
#
# Targets (one Swift file each in Tests/Fuzz/):
#   raster        GeoTIFF and ESRI ASCII grid readers (RasterFuzz.swift)
#   json          JSON reader, JSONParser (JSONFuzz.swift)
#   county        county input, CountyInput.parse (CountyInputFuzz.swift)
#   coefficients  coefficient set, CoefficientSet.parse (CoefficientSetFuzz.swift)
#   price-index   price-index series, PriceIndex.parse (PriceIndexFuzz.swift)
#   unit          unit strings, PhysicalUnit(parsing:) (UnitFuzz.swift)
#   tables        CSVTable, BiophysicalTable, CarbonPoolTable, LandCoverClasses (TablesFuzz.swift)
#   grid-input    grid input, GridInput.parse (GridInputFuzz.swift)
#   scenario      scenario, Scenario.parse (ScenarioFuzz.swift)
#   quote         compensation quote, QuoteSpec.parse then QuoteEngine.quote (QuoteFuzz.swift)
#   sensitivity   sensitivity parameters, SensitivityParameters.parse (SensitivityParametersFuzz.swift)
#
# Environment: FUZZ_BUILD_DIR (default .build/fuzz); FUZZ_FLAGS, extra libFuzzer flags
# (e.g. "-max_total_time=60", or a crash file to replay it). The Swift runtime's own crash
# backtracer is off (SWIFT_BACKTRACE=enable=no) so libFuzzer and ASan print the stack.
#
# Each library module a target needs is compiled once into $FUZZ_BUILD_DIR/modules with
# -sanitize=fuzzer,address (and again only when its sources or a dependency change), not via
# SwiftPM; each target's file is linked against the modules it needs. Every run starts from a
# fresh seed corpus made from the repository's own files (samples/, coefficients/, test
# fixtures), with a libFuzzer dictionary of the tokens found in the seeds (JSON punctuation and
# every short string for the JSON targets, the cells for the CSV tables, unit symbols for the
# unit parser) and -max_len sized to the largest seed. The fuzzer's log goes to
# $FUZZ_BUILD_DIR/TARGET/fuzz.log and any crashing input to $FUZZ_BUILD_DIR/TARGET/crash-*.
# Exits non-zero when the fuzzer finds a crash, a leak or a sanitizer error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/.build/fuzz}"
modules="$build/modules"
targets=(raster json county coefficients price-index unit tables grid-input scenario quote sensitivity)
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -package-name gep -I "$modules" -I "$root/Sources/CZlib")

usage() {
    echo "usage: $0 TARGET [RUNS] | all [RUNS] | RUNS | list" >&2
    echo "targets: ${targets[*]}" >&2
    exit 64
}

# The library modules a target links, in dependency order (see Package.swift).
target_modules() {
    case "$1" in
        raster) echo GEPCore GEPRaster ;;
        json | county | coefficients | price-index | unit) echo GEPCore ;;
        tables | grid-input) echo GEPCore GEPServices GEPRaster GEPGrid ;;
        scenario | quote | sensitivity) echo GEPCore GEPServices GEPRaster GEPGrid GEPSensitivity GEPAnalysis ;;
    esac
}

# The harness sources of a target, relative to Tests/Fuzz.
target_sources() {
    case "$1" in
        raster) echo RasterFuzz.swift ;;
        json) echo JSONFuzz.swift ;;
        county) echo CountyInputFuzz.swift ;;
        coefficients) echo CoefficientSetFuzz.swift ;;
        price-index) echo PriceIndexFuzz.swift ;;
        unit) echo UnitFuzz.swift ;;
        tables) echo TablesFuzz.swift ;;
        grid-input) echo GridInputFuzz.swift ;;
        scenario) echo ScenarioFuzz.swift ;;
        quote) echo QuoteFuzz.swift FuzzContext.swift ;;
        sensitivity) echo SensitivityParametersFuzz.swift FuzzContext.swift ;;
    esac
}

# The modules a library module imports (Package.swift's dependencies).
module_dependencies() {
    case "$1" in
        GEPCore) ;;
        GEPServices | GEPRaster | GEPSensitivity) echo GEPCore ;;
        GEPGrid) echo GEPCore GEPRaster GEPServices ;;
        GEPAnalysis) echo GEPCore GEPServices GEPRaster GEPGrid GEPSensitivity ;;
    esac
}

# Compiles module $1 into $modules unless its object is newer than its sources and dependencies.
build_module() {
    local name="$1" object="$modules/$1.o" dependency
    mkdir -p "$modules"
    if [[ -f "$object" ]] && [[ -z "$(find -L "$root/Sources/$name" -name '*.swift' -newer "$object" | head -n 1)" ]]; then
        local stale=""
        for dependency in $(module_dependencies "$name"); do
            [[ "$modules/$dependency.o" -nt "$object" ]] && stale=yes
        done
        [[ -z "$stale" ]] && return 0
    fi
    echo "compiling $name" >&2
    local sources
    mapfile -t sources < <(find -L "$root/Sources/$name" -name '*.swift' | sort)
    swiftc "${flags[@]}" -module-name "$name" -wmo -c "${sources[@]}" \
        -emit-module -emit-module-path "$modules/$name.swiftmodule" -o "$object" || { rm -f "$object"; return 1; }
    touch "$object" # swiftc leaves an unchanged object file's time alone
}

# Writes target $1's seed corpus into directory $2.
seed_corpus() {
    local corpus="$2"
    case "$1" in
        raster)
            cp "$root"/Tests/GEPRasterTests/Fixtures/*.tif "$corpus"/
            # small ESRI ASCII seeds: the first rows of a fixture grid and a header-only grid
            head -c 4096 "$root"/Tests/GEPRasterTests/Fixtures/precip.asc > "$corpus"/precip-head.asc
            printf 'ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 30\nNODATA_value -9999\n1 2\n3 -9999\n' > "$corpus"/tiny.asc
            ;;
        json)
            copy_seeds "$corpus" "$root"/samples/lianping "$root"/coefficients "$root"/Tests/GEPServicesTests/Fixtures \
                "$root"/Tests/GEPGridTests/Fixtures -name '*.json'
            ;;
        county) copy_seeds "$corpus" "$root"/samples/lianping -maxdepth 1 -name 'lianping-*.json'
                cp "$root"/Tests/GEPServicesTests/Fixtures/testland-2022.json "$corpus"/ ;;
        coefficients) copy_seeds "$corpus" "$root"/coefficients/sets "$root"/Tests/GEPServicesTests/Fixtures/coefficients/sets -name '*.json' ;;
        price-index) copy_seeds "$corpus" "$root"/coefficients/price-index "$root"/Tests/GEPServicesTests/Fixtures/coefficients/price-index -name '*.json' ;;
        unit)
            # every unit string the repository's inputs and coefficient sets write, one per file
            local unit n=0
            while IFS= read -r unit; do
                n=$((n + 1))
                printf '%s' "$unit" > "$corpus/unit-$n"
            done < <(unit_strings)
            ;;
        tables) copy_seeds "$corpus" "$root"/samples/lianping/grid "$root"/Tests/GEPGridTests/Fixtures -name '*.csv' ;;
        grid-input) copy_seeds "$corpus" "$root"/samples/lianping/grid -name '*.json' ;;
        scenario) copy_seeds "$corpus" "$root"/samples/lianping/scenarios -name '*.json' ;;
        quote) copy_seeds "$corpus" "$root"/samples/lianping/compensation -name '*.json' ;;
        sensitivity) copy_seeds "$corpus" "$root"/samples/lianping/sensitivity -name '*.json' ;;
    esac
}

# Copies the files that `find DIRECTORIES… PREDICATES…` lists into $1, named after their paths.
copy_seeds() {
    local corpus="$1" file
    shift
    while IFS= read -r file; do
        cp "$file" "$corpus/$(echo "${file#"$root"/}" | tr / _)"
    done < <(find -L "$@" -type f | sort)
}

# The distinct "unit" strings of the repository's JSON files.
unit_strings() {
    find -L "$root"/samples "$root"/coefficients "$root"/Tests -name '*.json' -exec grep -ohE '"unit": *"[^"]*"' {} + \
        | sed -E 's/^"unit": *"(.*)"$/\1/' | sort -u
}

# Writes target $1's libFuzzer dictionary for corpus $2 into file $3 (nothing for raster).
write_dictionary() {
    local corpus="$2" out="$3"
    case "$1" in
        raster) return 1 ;;
        unit)
            printf '"%s"\n' '(' ')' '/' '*' '^' '\xc2\xb7' '-' '2' '3' '1e4' ' ' > "$out"
            cat "$corpus"/* | grep -oE '[A-Za-z0-9_]+' | sort -u | dictionary_entries >> "$out"
            ;;
        tables)
            printf '"%s"\n' ',' '\x0a' '\x0d\x0a' '\"' '-1' '0' '65535' '65536' '1e300' 'nan' > "$out"
            cat "$corpus"/* | tr ',\r' '\n\n' | grep -E '^[A-Za-z0-9_. -]{1,40}$' | sort -u | dictionary_entries >> "$out"
            ;;
        *)
            # JSON punctuation, literals and edge numbers, then every short string of the seeds, quotes included.
            printf '"%s"\n' '{' '}' '[' ']' ':' ',' '\"' 'true' 'false' 'null' '-0' '1e300' '-1e300' '1e-320' \
                '0.5' '65536' '9007199254740993' '\\u0000' '\\ud800' '\"value\"' '\"unit\"' '\"source\"' > "$out"
            cat "$corpus"/* | grep -ohE '"[A-Za-z0-9_.:/ ()*^+-]{1,40}"' | sort -u | sed 's/"/\\"/g' | dictionary_entries >> "$out"
            ;;
    esac
}

# Quotes each input line as a dictionary entry (lines are already escaped).
dictionary_entries() { sed 's/.*/"&"/'; }

# Builds and runs target $1 for $2 executions.
run_target() {
    local target="$1" runs="$2" module objects=() sources=() source
    local work="$build/$target"
    rm -f "$work/fuzz.log"
    for module in $(target_modules "$target"); do
        build_module "$module" || return 1
        objects+=("$modules/$module.o")
    done
    for source in $(target_sources "$target"); do sources+=("$root/Tests/Fuzz/$source"); done
    echo "linking $target" >&2
    mkdir -p "$work"
    swiftc "${flags[@]}" -module-name FuzzTarget "${sources[@]}" "${objects[@]}" -lz -o "$work/fuzz" || return 1

    local corpus="$work/corpus"
    rm -rf "$corpus"
    mkdir -p "$corpus"
    seed_corpus "$target" "$corpus"
    local largest
    largest=$(find "$corpus" -type f -printf '%s\n' | sort -n | tail -n 1)
    local options=(-runs="$runs" -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/"
                   -max_len=$((largest + largest / 4 > 4096 ? largest + largest / 4 : 4096)))
    if write_dictionary "$target" "$corpus" "$work/tokens.dict"; then options+=(-dict="$work/tokens.dict"); fi

    local start status
    start=$(date +%s%N)
    set +e
    # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
    (cd "$work" && GEP_FUZZ_ROOT="$root" SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}" exec ./fuzz "${options[@]}" ${FUZZ_FLAGS:-} "$corpus" 2>&1) | tee "$work/fuzz.log"
    status=${PIPESTATUS[0]}
    set -e
    local tenths=$((($(date +%s%N) - start) / 100000000))
    echo "wall time: $((tenths / 10)).$((tenths % 10)) s" | tee -a "$work/fuzz.log"
    return "$status"
}

# One summary line from target $1's log: executions, exec/s, wall time, peak RSS, result.
summary_line() {
    local log="$build/$1/fuzz.log" result="ok"
    if [[ ! -f "$log" ]]; then printf '%-13s did not build\n' "$1"; return; fi
    if grep -qE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)' "$log"; then
        result="CRASH: $(grep -oE 'artifact_prefix=.*; Test unit written to [^ ]+' "$log" | sed 's/.* written to //' | tail -n 1 || true)"
    fi
    printf '%-13s %10s %8s %9s %8s  %s\n' "$1" \
        "$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$' || echo '-')" \
        "$(grep -oE 'stat::average_exec_per_sec: +[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '-')" \
        "$(grep -oE 'wall time: [0-9.]+' "$log" | grep -oE '[0-9.]+$')s" \
        "$(grep -oE 'stat::peak_rss_mb: +[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '-')MB" "$result"
}

case "${1:-}" in
    list) printf '%s\n' "${targets[@]}" ;;
    all)
        failed=0
        for target in "${targets[@]}"; do run_target "$target" "${2:-20000}" || failed=1; done
        printf '%-13s %10s %8s %9s %8s  %s\n' target executions exec/s wall peak-rss result
        for target in "${targets[@]}"; do summary_line "$target"; done
        exit "$failed"
        ;;
    '' | [0-9]*) run_target raster "${1:-20000}" ;;
    *)
        [[ " ${targets[*]} " == *" $1 "* ]] || { echo "unknown target '$1'" >&2; usage; }
        [[ -z "${2:-}" || "$2" =~ ^[0-9]+$ ]] || usage
        run_target "$1" "${2:-20000}"
        summary_line "$1"
        ;;
esac
