import GEPGrid
import GEPRaster

/// A plain scalar Carbon for the benchmark's side-by-side ratio, in the style of
/// `WaterYieldReference`: read every layer whole, one loop in `Double`, a dictionary lookup
/// of each cell's pools and a dictionary add into its zone. Land cover is nodata where it
/// equals the band's nodata; zone 0 or nodata means no zone.
enum ScalarCarbonReference {
    /// Whole-grid and per-zone sums.
    struct Output {
        var grid: CarbonSums
        var zones: [Int: CarbonSums]
    }

    static func run(pools: CarbonPoolTable, current: any RasterBand, future: any RasterBand, zones: any RasterBand) throws -> Output {
        let now = try current.readAll(), later = try future.readAll(), zoneValues = try zones.readAll()
        var density: [Int: Double] = [:]
        for entry in pools.entries { density[entry.lucode] = entry.above + entry.below + entry.soil + entry.dead }
        let currentNodata = current.nodata.map(Float.init), futureNodata = future.nodata.map(Float.init)
        let zoneNodata = zones.nodata.map(Float.init)
        var grid = CarbonSums.zero
        var perZone: [Int: CarbonSums] = [:]
        for i in 0..<now.count {
            var sums = CarbonSums.zero
            sums.cells = 1
            let a = now[i] == currentNodata ? nil : density[Int(now[i])]
            let b = later[i] == futureNodata ? nil : density[Int(later[i])]
            if let a { (sums.currentCells, sums.current) = (1, a) }
            if let b { (sums.futureCells, sums.future) = (1, b) }
            if let a, let b { (sums.changeCells, sums.change) = (1, b - a) }
            grid.add(sums)
            let zone = zoneValues[i]
            if zone != zoneNodata && zone > 0 { perZone[Int(zone), default: .zero].add(sums) }
        }
        return Output(grid: grid, zones: perZone)
    }
}
