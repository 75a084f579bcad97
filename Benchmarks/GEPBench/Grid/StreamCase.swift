import GEPGrid

/// `stream.20000x10000`: Annual Water Yield over 200 M cells of `ProceduralBand`s with the
/// default engine (all cores, sub-watershed zones, sums only). Measures streaming throughput
/// — the bands compute their values as they are read, and that work is part of the time —
/// and peak RSS, which must stay under 2 GB (the grid's inputs alone would be 4.8 GB).
enum StreamCase {
    static let size = GridSize(columns: 20_000, rows: 10_000)
    /// The limit, KiB.
    static let rssLimitKiB = 2 * 1024 * 1024

    static func group(options: BenchOptions, notes: RunNotes) throws -> BenchmarkGroup {
        let model = try LianpingTables.waterYieldModel()
        let band = { (field: ProceduralBand.Field) in ProceduralBand(field, columns: size.columns, rows: size.rows) }
        let layers = WaterYieldLayers(landCover: band(.landCover), precipitation: band(.precipitation), referenceET: band(.referenceET),
                                      rootRestrictingDepth: band(.soilDepth), plantAvailableWater: band(.pawc))
        let zones = band(.subwatersheds)
        let last = LastResult()
        var bench = BenchmarkCase.grid("stream.20000x10000", size: size, threads: GridEngine().threadCount,
                                       note: "procedural bands, WaterYieldModel default engine; RSS must stay < 2 GB", setUp: {}) {
            let result = try model.run(layers, zones: zones)
            last.result = result
            return result.grid.wyield
        }
        bench.name = bench.family
        bench.fixedSamples = options.quick ? (1, 0) : (min(3, options.iterations), 0)
        return BenchmarkGroup(title: "stream \(size)", cases: [bench]) { results in
            guard let result = results.first else { return }
            if let sums = last.result?.grid {
                let share = Double(sums.validCells) / Double(size.cells)
                notes.check("stream.20000x10000: procedural inputs valid", sums.validCells > 0 && abs(share - Double.pi / 4) < 0.01,
                            fmt("%.2f %% of cells valid (the inscribed ellipse: %.2f %%), %d zones, mean water yield %.0f mm",
                                share * 100, Double.pi / 4 * 100, last.result!.zones.count, sums.wyieldMean ?? .nan))
            }
            last.result = nil
            let rusage = Memory.maxRSSKiB()
            notes.check("stream.20000x10000: peak RSS < 2 GB", result.peakRSSKiB < rssLimitKiB,
                        String(format: "peak RSS %.0f MiB during the case (getrusage ru_maxrss since the case started: %.0f MiB); limit 2048 MiB",
                               Double(result.peakRSSKiB) / 1024, Double(rusage) / 1024))
        }
    }
}

/// The latest result of a case, kept for its checks.
private final class LastResult {
    var result: WaterYieldResult?
}
