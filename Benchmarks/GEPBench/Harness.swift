import Foundation

/// One benchmark: an id, how many work items one run processes (for throughput), and the run.
struct BenchmarkCase {
    /// Unique id, matched by `--filter` and `--compare`: `family` or `family/size/tN`.
    var name: String
    /// What `itemsPerRun` counts (`cells` for the grid cases).
    var unit: String
    var itemsPerRun: Double
    /// The case's family, grid size and threads, for the derived ratios.
    var family: String
    var size: GridSize?
    var threads: Int?
    /// A short remark printed under the table (codec, data source…).
    var note: String?
    /// Fixed sample and warm-up counts, overriding the time-based choice.
    var fixedSamples: (samples: Int, warmup: Int)?
    /// Untimed preparation (generating or loading the inputs), run before the warm-up.
    var setUp: () throws -> Void
    var run: () throws -> Double

    init(name: String, unit: String, itemsPerRun: Double, family: String? = nil, size: GridSize? = nil, threads: Int? = nil,
         note: String? = nil, fixedSamples: (samples: Int, warmup: Int)? = nil, setUp: @escaping () throws -> Void = {},
         run: @escaping () throws -> Double) {
        self.name = name
        self.unit = unit
        self.itemsPerRun = itemsPerRun
        self.family = family ?? name
        self.size = size
        self.threads = threads
        self.note = note
        self.fixedSamples = fixedSamples
        self.setUp = setUp
        self.run = run
    }

    /// A grid case over `size.cells` cells, named `family/size/tN` (or `family/size` without threads).
    static func grid(_ family: String, size: GridSize, threads: Int?, note: String? = nil,
                     setUp: @escaping () throws -> Void, run: @escaping () throws -> Double) -> BenchmarkCase {
        let name = "\(family)/\(size)" + (threads.map { "/t\($0)" } ?? "")
        return BenchmarkCase(name: name, unit: "cells", itemsPerRun: Double(size.cells), family: family, size: size,
                             threads: threads, note: note, setUp: setUp, run: run)
    }
}

/// Cases sharing inputs: their inputs are made by the first selected case's `setUp` and
/// released by `finish` once the group has run, so only one group's grids are held at a time.
struct BenchmarkGroup {
    var title: String
    var cases: [BenchmarkCase]
    /// Runs after the group's selected cases (extra checks), then frees the inputs.
    var finish: ([BenchmarkResult]) throws -> Void = { _ in }
}

/// Timing and memory of one case.
struct BenchmarkResult {
    var name: String
    var unit: String
    var family: String
    var size: GridSize?
    var threads: Int?
    var note: String?
    /// Seconds per run, sorted.
    var samples: [Double]
    var itemsPerRun: Double
    /// Peak resident set during the case, KiB (high-water mark reset before the warm-up).
    var peakRSSKiB: Int
    /// Resident set when the case started (inputs already made), KiB.
    var startRSSKiB: Int?

    func percentile(_ p: Double) -> Double {
        let index = min(samples.count - 1, max(0, Int((p / 100 * Double(samples.count - 1)).rounded())))
        return samples[index]
    }

    /// Items per second at the median time.
    var throughput: Double { itemsPerRun / percentile(50) }
    /// Items per second at the time percentile `100 − p` (so `rate(10)` is the slow end).
    func rate(_ p: Double) -> Double { itemsPerRun / percentile(100 - p) }
    /// Whether items are grid cells (Mcells/s is meaningful).
    var isCells: Bool { unit == "cells" }
}

/// Keeps a value alive so the optimiser cannot drop the work that produced it.
@inline(never) func blackHole(_ value: Double) {
    if value.isNaN && value.sign == .minus && value.exponent == 12345 { print(value) }
}

/// Runs a case: `setUp`, then warm-up runs (at most `options.warmup`, stopping once they
/// took a quarter of `options.minTime`, at least one), then enough timed runs to fill
/// `options.minTime` (at least `options.minSamples`, at most `options.iterations`).
func measure(_ bench: BenchmarkCase, options: BenchOptions) throws -> BenchmarkResult {
    try bench.setUp()
    Memory.resetHighWater()
    let startRSS = Memory.currentKiB()
    func timed() throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        blackHole(try bench.run())
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
    var count: Int
    if let fixed = bench.fixedSamples {
        for _ in 0..<fixed.warmup { _ = try timed() }
        count = fixed.samples
    } else {
        var warm: [Double] = []
        while warm.count < max(1, options.warmup) && (warm.count == 0 || warm.reduce(0, +) < options.minTime / 4) {
            warm.append(try timed())
        }
        let estimate = max(warm.sorted()[warm.count / 2], 1e-9)
        count = min(options.iterations, max(options.minSamples, Int((options.minTime / estimate).rounded(.up))))
    }
    var samples: [Double] = []
    for _ in 0..<max(1, count) { samples.append(try timed()) }
    return BenchmarkResult(name: bench.name, unit: bench.unit, family: bench.family, size: bench.size, threads: bench.threads,
                           note: bench.note, samples: samples.sorted(), itemsPerRun: bench.itemsPerRun,
                           peakRSSKiB: Memory.highWaterKiB(), startRSSKiB: startRSS)
}
