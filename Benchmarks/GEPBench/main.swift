import Foundation
import GEPCore

// gep-bench: times the engine's stages on the bundled samples and prints, per case, the
// wall-time percentiles, throughput at the median, and peak RSS.
//
//   swift run -c release gep-bench [--filter REGEX] [--iterations N] [--warmup N]
//                                  [--format text|json] [--compare BASELINE.json] [--threshold PCT]
//
// With --compare, a case whose median is more than --threshold percent (default 5) slower
// than in the baseline file (a previous --format json output) fails the run with exit 2.

var isDebug = false
assert({ isDebug = true; return true }())
if isDebug && !CommandLine.arguments.contains("--allow-debug-build") {
    FileHandle.standardError.write("gep-bench: refusing to time a debug build; run `swift run -c release gep-bench` (or pass --allow-debug-build)\n".data(using: .utf8)!)
    exit(64)
}

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard flag.hasPrefix("--") else { FileHandle.standardError.write("gep-bench: unexpected argument '\(flag)'\n".data(using: .utf8)!); exit(64) }
    if flag == "--allow-debug-build" { continue }
    guard let value = arguments.popFirst() else { FileHandle.standardError.write("gep-bench: missing value for '\(flag)'\n".data(using: .utf8)!); exit(64) }
    options[String(flag.dropFirst(2))] = value
}
let known: Set<String> = ["filter", "iterations", "warmup", "format", "compare", "threshold"]
if let unknown = options.keys.first(where: { !known.contains($0) }) {
    FileHandle.standardError.write("gep-bench: unknown option '--\(unknown)' (options: \(known.sorted().map { "--" + $0 }.joined(separator: ", ")))\n".data(using: .utf8)!)
    exit(64)
}
let iterations = Int(options["iterations"] ?? "200") ?? 200
let warmup = Int(options["warmup"] ?? "10") ?? 10
let format = options["format"] ?? "text"
let threshold = Double(options["threshold"] ?? "5") ?? 5

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
var cases = try Cases.all(repository: repository)
if let pattern = options["filter"], let regex = try? NSRegularExpression(pattern: pattern) {
    cases = cases.filter { regex.firstMatch(in: $0.name, range: NSRange($0.name.startIndex..., in: $0.name)) != nil }
}

var results: [BenchmarkResult] = []
for bench in cases { results.append(try measure(bench, iterations: iterations, warmup: warmup)) }

let environment = "swift 6 · release · \(ProcessInfo.processInfo.activeProcessorCount) cores · \(iterations) samples after \(warmup) warm-up runs"
if format == "json" {
    var list: [JSON] = []
    for r in results {
        list.append(["name": .string(r.name), "unit": .string(r.unit), "samples": .number(Double(r.samples.count)),
                     "p0_s": .number(r.percentile(0)), "p25_s": .number(r.percentile(25)), "p50_s": .number(r.percentile(50)),
                     "p75_s": .number(r.percentile(75)), "p90_s": .number(r.percentile(90)), "p99_s": .number(r.percentile(99)),
                     "p100_s": .number(r.percentile(100)), "per_second_p50": .number(r.throughput), "peak_rss_kib": .number(Double(r.peakRSSKiB))])
    }
    print(JSONWriter.string(["environment": .string(environment), "results": .array(list)]), terminator: "")
} else {
    print("gep-bench — \(environment)")
    print("case                    p0 ms    p50 ms    p90 ms   p100 ms      per s (p50)   peak RSS MiB")
    for r in results {
        let row = [r.percentile(0), r.percentile(50), r.percentile(90), r.percentile(100)].map { String(format: "%9.3f", $0 * 1000) }.joined(separator: " ")
        print(r.name.padding(toLength: 20, withPad: " ", startingAt: 0) + " " + row + String(format: "  %12.1f %@", r.throughput, r.unit)
              + String(format: "   %8.1f", Double(r.peakRSSKiB) / 1024))
    }
}

if let baselinePath = options["compare"] {
    let data = try Data(contentsOf: URL(fileURLWithPath: baselinePath))
    let baseline = try JSONParser.parse(Array(data), file: baselinePath)
    var regressions: [String] = []
    for entry in baseline["results"]?.elements ?? [] {
        guard let name = entry["name"]?.string, let old = entry["p50_s"]?.double, let now = results.first(where: { $0.name == name }) else { continue }
        let change = (now.percentile(50) / old - 1) * 100
        FileHandle.standardError.write(String(format: "%@: median %.3f ms → %.3f ms (%+.1f %%)\n", name, old * 1000, now.percentile(50) * 1000, change).data(using: .utf8)!)
        if change > threshold { regressions.append(name) }
    }
    if !regressions.isEmpty {
        FileHandle.standardError.write("gep-bench: slower than the baseline by more than \(threshold) %: \(regressions.joined(separator: ", "))\n".data(using: .utf8)!)
        exit(2)
    }
}
