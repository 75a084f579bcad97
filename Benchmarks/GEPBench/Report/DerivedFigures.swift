/// Figures derived from the results: thread scaling, ratios against the scalar references,
/// the grid account against water yield, end-to-end ratios, and the targets.
struct DerivedFigures {
    /// A family's 1-thread and N-thread medians at one size.
    struct Scaling {
        var family: String
        var size: GridSize
        var threads: Int
        var oneThread: Double, nThreads: Double   // Mcells/s at the median
        var ratio: Double { nThreads / oneThread }
    }

    /// An engine case against its scalar reference at the same size (median times).
    struct ReferenceRatio {
        var family: String
        var size: GridSize
        var threads: Int
        var engine: Double, reference: Double     // Mcells/s at the median
        var ratio: Double { engine / reference }
    }

    /// A target of the issue and whether this run meets it.
    struct Target {
        var name: String
        var measured: String
        var met: Bool
    }

    var scaling: [Scaling] = []
    var referenceRatios: [ReferenceRatio] = []
    /// Grid account over water yield, N threads, per size (Mcells/s ratio).
    var accountVersusWaterYield: [(size: GridSize, account: Double, waterYield: Double)] = []
    /// The end-to-end median, seconds.
    var endToEndSeconds: Double?
    var targets: [Target] = []

    init(results: [BenchmarkResult], notes: RunNotes, threads: Int) {
        func find(_ family: String, _ size: GridSize?, _ threads: Int?) -> BenchmarkResult? {
            results.first { $0.family == family && $0.size == size && (threads == nil || $0.threads == threads) }
        }
        let mega = { (r: BenchmarkResult) in r.throughput / 1e6 }
        for result in results where result.threads == 1 && result.isCells && !result.family.hasPrefix("reference.") {
            if threads > 1, let parallel = find(result.family, result.size, threads) {
                scaling.append(Scaling(family: result.family, size: result.size!, threads: threads, oneThread: mega(result), nThreads: mega(parallel)))
            }
        }
        for reference in results where reference.family.hasPrefix("reference.") {
            let family = "kernel." + reference.family.dropFirst("reference.".count)
            for engine in results where engine.family == family && engine.size == reference.size {
                referenceRatios.append(ReferenceRatio(family: family, size: reference.size!, threads: engine.threads ?? 1,
                                                      engine: mega(engine), reference: mega(reference)))
            }
        }
        for account in results where account.family == "kernel.grid_account" && account.threads == threads {
            if let water = find("kernel.water_yield", account.size, threads) {
                accountVersusWaterYield.append((account.size!, mega(account), mega(water)))
            }
        }

        // Targets (figures for InVEST and GDAL + numpy are quoted in the issue, not measured here).
        let endToEnd = results.first { $0.family == "end_to_end.water_yield_lzw_1600" }
        endToEndSeconds = endToEnd?.percentile(50)
        if let seconds = endToEndSeconds {
            let invest = FileCases.quotedInVEST / seconds, numpy = FileCases.quotedNumpy / seconds
            targets.append(Target(name: "end to end 1600² LZW ≥ 30× faster than InVEST 3.20 (4.4 s, quoted)",
                                  measured: fmt("%.3f s → %.0f×", seconds, invest), met: invest >= 30))
            targets.append(Target(name: "end to end 1600² LZW ≥ 2× faster than GDAL + numpy (0.23 s, quoted)",
                                  measured: fmt("%.3f s → %.1f×", seconds, numpy), met: numpy >= 2))
            if let measured = notes.numpy, measured.skipped == nil {
                targets.append(Target(name: "end to end 1600² LZW ≥ 2× faster than GDAL + numpy (measured in this run)",
                                      measured: fmt("%.3f s vs %.3f s → %.1f×", seconds, measured.totalSeconds, measured.speedup),
                                      met: measured.speedup >= 2))
            }
        }
        if let water = endToEnd, let grid = results.first(where: { $0.family == "end_to_end.grid_account_lzw_1600" }) {
            let perFile = { (r: BenchmarkResult, files: Int) in mega(r) * Double(files) }
            let (ours, theirs) = (perFile(grid, FileCases.gridAccountFiles), perFile(water, FileCases.waterYieldFiles))
            targets.append(Target(name: "end to end 1600² LZW: grid account per layer read at least water yield's",
                                  measured: fmt("%.0f vs %.0f Mcells/s per layer (%.3f s, %d files vs %.3f s, %d files)", ours, theirs,
                                                grid.percentile(50), FileCases.gridAccountFiles, water.percentile(50), FileCases.waterYieldFiles),
                                  met: ours >= theirs))
        }
        for result in results where ["kernel.water_yield", "kernel.grid_account"].contains(result.family) && result.threads == threads {
            targets.append(Target(name: "\(result.family) \(result.size!) in memory ≥ 100 Mcells/s (t\(threads); target set for 2 cores)",
                                  measured: fmt("%.1f Mcells/s", mega(result)), met: mega(result) >= 100))
        }
        for entry in accountVersusWaterYield {
            targets.append(Target(name: "kernel.grid_account \(entry.size) at least as fast as kernel.water_yield (t\(threads))",
                                  measured: fmt("%.1f vs %.1f Mcells/s", entry.account, entry.waterYield), met: entry.account >= entry.waterYield))
        }
        if let stream = results.first(where: { $0.family == "stream.20000x10000" }) {
            targets.append(Target(name: "stream.20000x10000 peak RSS < 2 GB", measured: fmt("%.0f MiB", Double(stream.peakRSSKiB) / 1024),
                                  met: stream.peakRSSKiB < StreamCase.rssLimitKiB))
        }
    }
}
