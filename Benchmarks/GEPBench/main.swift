import Foundation
import GEPCore
import GEPGrid

// gep-bench: times the county account on the bundled sample, the per-cell grid kernels
// (water yield, carbon, the multi-service grid account) on synthetic Lianping-like grids
// beside plain scalar references, GeoTIFF decoding, an end-to-end water-yield run on LZW
// GeoTIFFs, and (with --big) a 20,000 × 10,000 streamed grid. Per case: wall-time
// percentiles, Mcells/s (median and spread), peak RSS, thread scaling 1 → N and ratios.
//
//   swift run -c release gep-bench [--filter REGEX] [--sizes 256,1024,1600,4096] [--threads N]
//                                  [--iterations N] [--warmup N] [--min-time S] [--quick] [--big] [--numpy]
//                                  [--format text|json] [--compare BASELINE.json] [--threshold PCT]
//
// With --compare, a case whose median is more than --threshold percent (default 5) slower
// than in the baseline file (a previous --format json output) fails the run with exit 2.

var isDebug = false
assert({ isDebug = true; return true }())
if isDebug && !CommandLine.arguments.contains("--allow-debug-build") {
    FileHandle.standardError.write(Data("gep-bench: refusing to time a debug build; run `swift run -c release gep-bench` (or pass --allow-debug-build)\n".utf8))
    exit(64)
}

let options: BenchOptions
do {
    guard let parsed = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
        print(BenchOptions.usage, terminator: "")
        exit(0)
    }
    options = parsed
} catch {
    FileHandle.standardError.write(Data("Error: \(error.message)\n\n\(BenchOptions.usage)".utf8))
    exit(64)
}

/// Progress on standard error (the report goes to standard output).
func progress(_ text: String) {
    FileHandle.standardError.write(Data("gep-bench: \(text)\n".utf8))
}

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let notes = RunNotes()
let accountSetup = try GridAccountSetup.load(repository: repository)
var groups = [BenchmarkGroup(title: "county account", cases: try Cases.all(repository: repository))]
for size in options.sizes {
    groups.append(try KernelCases.group(size: size, options: options, notes: notes, account: accountSetup))
}
groups.append(try FileCases.group(options: options, notes: notes, repository: repository, account: accountSetup))
if options.big { groups.append(try StreamCase.group(options: options, notes: notes)) }

var results: [BenchmarkResult] = []
for group in groups {
    let selected = group.cases.filter { options.selects($0.name) }
    guard !selected.isEmpty else { continue }
    progress("\(group.title): \(selected.count) case\(selected.count == 1 ? "" : "s")")
    var groupResults: [BenchmarkResult] = []
    for bench in selected {
        let result = try measure(bench, options: options)
        if result.isCells { progress(fmt("  %@  %.1f Mcells/s (%d samples)", result.name, result.throughput / 1e6, result.samples.count)) }
        groupResults.append(result)
    }
    try group.finish(groupResults)
    results += groupResults
}

let environment = "swift 6 · release · \(ProcessInfo.processInfo.activeProcessorCount) cores · all-thread cases t\(options.threads) · "
    + "up to \(options.iterations) samples after up to \(options.warmup) warm-up runs, ~\(fmt("%g", options.minTime)) s per case"
let derived = DerivedFigures(results: results, notes: notes, threads: options.threads)
if options.format == "json" {
    print(JSONReport.render(results: results, derived: derived, notes: notes, environment: environment, options: options), terminator: "")
} else {
    print(TextReport.render(results: results, derived: derived, notes: notes, environment: environment), terminator: "")
}

if let baselinePath = options.compare {
    let regressions = try BaselineComparison.regressions(results: results, baselinePath: baselinePath, threshold: options.threshold)
    if !regressions.isEmpty {
        FileHandle.standardError.write(Data("gep-bench: slower than the baseline by more than \(options.threshold) %: \(regressions.joined(separator: ", "))\n".utf8))
        exit(2)
    }
}
