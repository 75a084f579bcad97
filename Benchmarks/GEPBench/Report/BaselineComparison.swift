import Foundation
import GEPCore

/// `--compare`: medians against a previous `--format json` output, printed to standard error.
enum BaselineComparison {
    /// The cases slower than in the baseline by more than `threshold` percent.
    static func regressions(results: [BenchmarkResult], baselinePath: String, threshold: Double) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: baselinePath))
        let baseline = try JSONParser.parse(Array(data), file: baselinePath)
        var regressions: [String] = []
        for entry in baseline["results"]?.elements ?? [] {
            guard let name = entry["name"]?.string, let old = entry["p50_s"]?.double, let now = results.first(where: { $0.name == name }) else { continue }
            let change = (now.percentile(50) / old - 1) * 100
            FileHandle.standardError.write(Data(fmt("%@: median %.3f ms → %.3f ms (%+.1f %%)\n", name, old * 1000, now.percentile(50) * 1000, change).utf8))
            if change > threshold { regressions.append(name) }
        }
        return regressions
    }
}
