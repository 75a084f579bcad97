/// The fused per-cell Annual Water Yield kernel: validity, fractp, AET, water yield and PET,
/// accumulated per zone run, with optional per-cell outputs (wyield, aet, fractp; −1 where
/// not valid, as InVEST writes them).
///
/// Each row runs in three passes over row-sized scratch: (1) class lookup, nodata tests,
/// PET and the non-vegetated fractp, queueing vegetated cells with their φ and ω; (2) the
/// two `powf` calls for the queued cells, back to back; (3) AET and water yield, outputs, and
/// the per-zone sums in cell order.
///
/// `powf` runs only for valid vegetated cells and is the C library's `powf` (what numpy's
/// float32 power calls), so there is no approximation to bound. Measured on this project's
/// machine over 16.7 M cells: one `powf` 4.5 ns; the dependent pair of the Fu equation 12.2 ns
/// per cell inline but 9.7 ns as two back-to-back loops (hence pass 2); `exp2f(ω·log2f φ)`
/// 6.0 ns and `Double` `exp2`/`log2` 8.6 ns per power, so neither replaces `powf`.
struct WaterYieldKernel: GridKernel {
    typealias Record = WaterYieldSums

    /// One land-cover class as the loop gathers it.
    struct Class {
        var kc: Float
        var rootDepth: Float
        var isVegetated: Bool
        var isKnown: Bool
    }

    /// Classes indexed by lucode, followed by one unknown entry that out-of-range, non-integer
    /// and missing codes map to.
    let classes: [Class]
    let landCover: NodataRule
    let precipitation: NodataRule
    let referenceET: NodataRule
    let soilDepth: NodataRule
    let pawc: NodataRule
    /// Seasonality constant Z, as numpy casts it (Float32).
    let z: Float

    var outputCount: Int { 3 }

    /// Per-cell flags of pass 1.
    private static let precipitationValid: UInt8 = 1, petValid: UInt8 = 2, valid: UInt8 = 4

    init(table: BiophysicalTable, seasonalityConstant: Double, rules: [NodataRule]) {
        var classes = table.parameters.map { parameters in
            parameters.map { Class(kc: $0.kc, rootDepth: $0.rootDepth, isVegetated: $0.isVegetated, isKnown: true) }
                ?? Class(kc: 0, rootDepth: 0, isVegetated: false, isKnown: false)
        }
        classes.append(Class(kc: 0, rootDepth: 0, isVegetated: false, isKnown: false))
        self.classes = classes
        (landCover, precipitation, referenceET, soilDepth, pawc) = (rules[0], rules[1], rules[2], rules[3], rules[4])
        z = Float(seasonalityConstant)
    }

    func process(_ band: GridBand, into accumulator: inout BandAccumulator<WaterYieldSums>) {
        precondition(band.layers.count == 5 && band.layers.allSatisfy { $0.count == band.cellCount })
        let width = band.width
        let scratch = WaterYieldRowScratch(width: width)
        defer { scratch.deallocate() }
        classes.withUnsafeBufferPointer { classes in
            for row in 0..<band.rows.count {
                let cells = (row * width)..<((row + 1) * width)
                let queued = classify(band, cells, classes, scratch, &accumulator)
                for j in 0..<queued {
                    scratch.power[j] = WaterYieldCell.innerPower(phi: scratch.phi[j], omega: scratch.omega[j])
                }
                for j in 0..<queued {
                    scratch.fractp[Int(scratch.queue[j])] = WaterYieldCell.vegetatedFraction(
                        phi: scratch.phi[j], omega: scratch.omega[j], innerPower: scratch.power[j])
                }
                accumulate(band, cells, scratch, &accumulator)
            }
        }
    }

    /// Pass 1 over one row: flags, PET and non-vegetated fractp per cell; vegetated valid
    /// cells queued with φ and ω. Returns the queue length.
    @inline(__always)
    private func classify(_ band: GridBand, _ cells: Range<Int>, _ classes: UnsafeBufferPointer<Class>, _ scratch: WaterYieldRowScratch,
                          _ accumulator: inout BandAccumulator<WaterYieldSums>) -> Int {
        let lulc = band.layers[0], precip = band.layers[1], eto = band.layers[2], depth = band.layers[3], water = band.layers[4]
        let (lulcRule, precipRule, etoRule, depthRule, pawcRule) = (landCover, precipitation, referenceET, soilDepth, pawc)
        let unknown = classes.count - 1
        let codeLimit = Float(unknown)
        var queued = 0
        var unmatched = false
        for cell in cells {
            let column = cell - cells.lowerBound
            let code = lulc[cell], p = precip[cell], e = eto[cell]
            let lulcClass = classes[LandCoverCode.index(of: code, limit: codeLimit, unknown: unknown)]
            let lulcNodata = lulcRule.isNodata(code)
            unmatched = unmatched || (!lulcClass.isKnown && !lulcNodata)
            let precipValid = !precipRule.isNodata(p)
            let petValid = lulcClass.isKnown && !lulcNodata && !etoRule.isNodata(e)
            let soil = depth[cell], available = water[cell]
            let valid = petValid && precipValid && p != 0 && !depthRule.isNodata(soil) && !pawcRule.isNodata(available)
            let pet = lulcClass.kc * e
            scratch.pet[column] = pet
            scratch.flags[column] = (precipValid ? Self.precipitationValid : 0) | (petValid ? Self.petValid : 0) | (valid ? Self.valid : 0)
            if valid {
                if lulcClass.isVegetated {
                    let (phi, omega) = WaterYieldCell.budykoArguments(
                        pet: pet, precipitation: p, rootDepth: lulcClass.rootDepth, soilDepth: soil, pawc: available, z: z)
                    scratch.phi[queued] = phi
                    scratch.omega[queued] = omega
                    scratch.queue[queued] = Int32(column)
                    queued += 1
                } else {
                    scratch.fractp[column] = WaterYieldCell.nonVegetatedFraction(pet: pet, precipitation: p)
                }
            }
        }
        if unmatched { countUnmatched(lulc, cells, classes, &accumulator) }
        return queued
    }

    /// Counts the row's land-cover codes that are neither nodata nor in the table (rare: only
    /// rows where pass 1 saw one).
    private func countUnmatched(_ lulc: UnsafeBufferPointer<Float>, _ cells: Range<Int>, _ classes: UnsafeBufferPointer<Class>,
                                _ accumulator: inout BandAccumulator<WaterYieldSums>) {
        let unknown = classes.count - 1
        for cell in cells where !landCover.isNodata(lulc[cell]) {
            let code = lulc[cell]
            if !classes[LandCoverCode.index(of: code, limit: Float(unknown), unknown: unknown)].isKnown {
                accumulator.countUnmatched(layer: 0, value: code)
            }
        }
    }

    /// Pass 3 over one row: AET, water yield, outputs and the zone runs' sums, in cell order.
    @inline(__always)
    private func accumulate(_ band: GridBand, _ cells: Range<Int>, _ scratch: WaterYieldRowScratch,
                            _ accumulator: inout BandAccumulator<WaterYieldSums>) {
        let precip = band.layers[1], zones = band.zones
        let writes = !band.outputs.isEmpty
        let empty = UnsafeMutableBufferPointer<Float>(start: nil, count: 0)
        let wyieldOut = writes ? band.outputs[0] : empty, aetOut = writes ? band.outputs[1] : empty
        let fractpOut = writes ? band.outputs[2] : empty
        var start = cells.lowerBound
        while start < cells.upperBound {
            let key = zones[start].bitPattern
            var end = start + 1
            while end < cells.upperBound && zones[end].bitPattern == key { end += 1 }
            var run = WaterYieldSums.zero
            run.cells = end - start
            for cell in start..<end {
                let column = cell - cells.lowerBound
                let flags = scratch.flags[column], p = precip[cell]
                if flags & Self.precipitationValid != 0 {
                    run.precipitationCells += 1
                    run.precipitation += Double(p)
                }
                if flags & Self.petValid != 0 {
                    run.petCells += 1
                    run.pet += Double(scratch.pet[column])
                }
                if flags & Self.valid != 0 {
                    let fractp = scratch.fractp[column]
                    let wyield = (1 - fractp) * p
                    let aet = fractp * p
                    run.validCells += 1
                    run.aet += Double(aet)
                    run.wyield += Double(wyield)
                    run.fractp += Double(fractp)
                    if writes {
                        wyieldOut[cell] = wyield
                        aetOut[cell] = aet
                        fractpOut[cell] = fractp
                    }
                } else if writes {
                    wyieldOut[cell] = -1
                    aetOut[cell] = -1
                    fractpOut[cell] = -1
                }
            }
            accumulator.add(run, zoneKey: key)
            start = end
        }
        accumulator.endRow()
    }
}

/// Row-sized scratch for the water-yield passes, allocated once per band.
struct WaterYieldRowScratch {
    let pet: UnsafeMutableBufferPointer<Float>
    let fractp: UnsafeMutableBufferPointer<Float>
    let phi: UnsafeMutableBufferPointer<Float>
    let omega: UnsafeMutableBufferPointer<Float>
    let power: UnsafeMutableBufferPointer<Float>
    let queue: UnsafeMutableBufferPointer<Int32>
    let flags: UnsafeMutableBufferPointer<UInt8>

    init(width: Int) {
        pet = .allocate(capacity: width)
        fractp = .allocate(capacity: width)
        phi = .allocate(capacity: width)
        omega = .allocate(capacity: width)
        power = .allocate(capacity: width)
        queue = .allocate(capacity: width)
        flags = .allocate(capacity: width)
    }

    func deallocate() {
        for buffer in [pet, fractp, phi, omega, power] { buffer.deallocate() }
        queue.deallocate()
        flags.deallocate()
    }
}
