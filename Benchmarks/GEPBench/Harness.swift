import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One benchmark: a name, how many work items one run processes (for throughput), and the run.
struct BenchmarkCase {
    var name: String
    var unit: String
    var itemsPerRun: Double
    var run: () throws -> Double
}

/// Timing statistics of one case.
struct BenchmarkResult {
    var name: String
    var unit: String
    var samples: [Double]          // seconds per run, sorted
    var itemsPerRun: Double
    var peakRSSKiB: Int

    func percentile(_ p: Double) -> Double {
        let index = min(samples.count - 1, max(0, Int((p / 100 * Double(samples.count - 1)).rounded())))
        return samples[index]
    }

    /// Items per second at the median time.
    var throughput: Double { itemsPerRun / percentile(50) }
}

/// Keeps a value alive so the optimiser cannot drop the work that produced it.
@inline(never) func blackHole(_ value: Double) {
    if value.isNaN && value.sign == .minus && value.exponent == 12345 { print(value) }
}

/// Peak resident set size of this process, KiB (`ru_maxrss`; bytes on Darwin).
func peakRSSKiB() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss)
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss) / 1024
    #endif
}

/// Runs a case: `warmup` untimed runs, then `iterations` timed runs.
func measure(_ bench: BenchmarkCase, iterations: Int, warmup: Int) throws -> BenchmarkResult {
    for _ in 0..<warmup { blackHole(try bench.run()) }
    var samples: [Double] = []
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        blackHole(try bench.run())
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return BenchmarkResult(name: bench.name, unit: bench.unit, samples: samples.sorted(), itemsPerRun: bench.itemsPerRun, peakRSSKiB: peakRSSKiB())
}
