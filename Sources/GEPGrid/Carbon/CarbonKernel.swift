/// The fused per-cell Carbon kernel: density lookup for one or two scenarios and their
/// difference, accumulated per zone run, with optional per-cell outputs (current, future,
/// change in Mg C/ha; −1 where not valid, InVEST's `_CARBON_NODATA`).
struct CarbonKernel: GridKernel {
    typealias Record = CarbonSums

    /// Total density (Float32, Mg C/ha) indexed by lucode; NaN for codes not in the table,
    /// with one trailing NaN that out-of-range and non-integer codes map to.
    let density: [Float]
    let currentRule: NodataRule
    let futureRule: NodataRule?

    var outputCount: Int { futureRule == nil ? 1 : 3 }

    init(pools: CarbonPoolTable, currentRule: NodataRule, futureRule: NodataRule?) {
        density = pools.totalDensity.map { $0 ?? .nan } + [.nan]
        self.currentRule = currentRule
        self.futureRule = futureRule
    }

    func process(_ band: GridBand, into accumulator: inout BandAccumulator<CarbonSums>) {
        let hasFuture = futureRule != nil
        precondition(band.layers.count == (hasFuture ? 2 : 1) && band.layers.allSatisfy { $0.count == band.cellCount })
        let current = band.layers[0]
        let future = hasFuture ? band.layers[1] : band.layers[0]
        let zones = band.zones
        let writes = !band.outputs.isEmpty
        let empty = UnsafeMutableBufferPointer<Float>(start: nil, count: 0)
        let currentOut = writes ? band.outputs[0] : empty
        let futureOut = writes && hasFuture ? band.outputs[1] : empty
        let changeOut = writes && hasFuture ? band.outputs[2] : empty
        let currentRule = self.currentRule, futureRule = self.futureRule ?? self.currentRule
        let width = band.width
        density.withUnsafeBufferPointer { density in
            let unknown = density.count - 1
            let codeLimit = Float(unknown)
            @inline(__always) func lookup(_ code: Float) -> Float {
                density[LandCoverCode.index(of: code, limit: codeLimit, unknown: unknown)]
            }
            for row in 0..<band.rows.count {
                let start = row * width
                var key = zones[start].bitPattern
                var run = CarbonSums.zero
                for cell in start..<(start + width) {
                    let zoneKey = zones[cell].bitPattern
                    if zoneKey != key {
                        accumulator.add(run, zoneKey: key)
                        key = zoneKey
                        run = .zero
                    }
                    run.cells += 1
                    let currentCode = current[cell]
                    let currentDensity = lookup(currentCode)
                    let currentNodata = currentRule.isNodata(currentCode)
                    let currentValid = !currentNodata && !currentDensity.isNaN
                    if !currentNodata && currentDensity.isNaN { accumulator.countUnmatched(layer: 0, value: currentCode) }
                    if currentValid {
                        run.currentCells += 1
                        run.current += Double(currentDensity)
                    }
                    if writes { currentOut[cell] = currentValid ? currentDensity : -1 }
                    guard hasFuture else { continue }
                    let futureCode = future[cell]
                    let futureDensity = lookup(futureCode)
                    let futureNodata = futureRule.isNodata(futureCode)
                    let futureValid = !futureNodata && !futureDensity.isNaN
                    if !futureNodata && futureDensity.isNaN { accumulator.countUnmatched(layer: 1, value: futureCode) }
                    if futureValid {
                        run.futureCells += 1
                        run.future += Double(futureDensity)
                    }
                    let change = futureDensity - currentDensity
                    if currentValid && futureValid {
                        run.changeCells += 1
                        run.change += Double(change)
                    }
                    if writes {
                        futureOut[cell] = futureValid ? futureDensity : -1
                        changeOut[cell] = currentValid && futureValid ? change : -1
                    }
                }
                accumulator.add(run, zoneKey: key)
                accumulator.endRow()
            }
        }
    }
}
