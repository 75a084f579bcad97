#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fused per-cell kernel of the grid account: for one band of decoded rows it computes
/// water conservation (water balance or Fu–Budyko water yield), RUSLE soil retention and
/// rate-based carbon for every cell and adds them to the band's accumulator by class and zone.
///
/// Per cell (units: mm, m², t, t CO₂):
/// - water balance: Q = max(0, P − αP − ET)·10⁻³·a; water yield: the same with ET = AET from
///   Fu–Budyko (InVEST 3.20 AWY: PET = Kc·ET0, ω = min(Z·AWC/P + 1.25, 5), AET ≤ PET; for
///   non-vegetated classes AET = min(Kc·ET0, P));
/// - soil: A = R·K·LS·(1 − C·P)·a/10⁴;
/// - carbon: r·a/10⁴;
/// where `a` is the cell area. Computed in Float like InVEST, summed in Double.
struct GridAccountKernel: Sendable {
    /// One input layer's decoded rows and its nodata value.
    struct Layer {
        var values: UnsafePointer<Float>
        /// The nodata value, or NaN when the layer has none (NaN is always nodata).
        var nodata: Float

        init(values: UnsafePointer<Float>, nodata: Float?) {
            self.values = values
            self.nodata = nodata ?? .nan
        }

        @inline(__always) func isValid(_ i: Int) -> Bool {
            let v = values[i]
            return v == v && v != nodata
        }
    }

    /// The layers of one band (nil when not used by the requested services).
    struct Band {
        var count: Int
        /// Cells per row.
        var width: Int
        var lulc: Layer
        var precipitation: Layer?
        var evapotranspiration: Layer?
        var referenceET: Layer?
        var soilDepth: Layer?
        var pawc: Layer?
        var erosivity: Layer?
        var erodibility: Layer?
        var slopeLength: Layer?
        var zones: [Layer]
    }

    let parameters: GridParameters
    let waterMethod: String?
    let soil: Bool
    let carbon: Bool
    let cellArea: Float

    /// Adds the band's cells to `accumulator`.
    ///
    /// The cell loop keeps its sums in local buffers (per class, and per cell for the band);
    /// a second pass per zone set sums runs of equal zone ids in registers, touching the
    /// accumulator's dictionaries only when a run ends.
    func accumulate(_ band: Band, into accumulator: inout GridAccumulator) {
        let p = parameters
        let width = GridAccumulator.width
        let useBudyko = waterMethod == "water_yield"
        let hectares = Double(cellArea) / 1e4
        let classCount = p.classCount
        let classSums = UnsafeMutablePointer<Double>.allocate(capacity: classCount * width)
        classSums.initialize(repeating: 0, count: classCount * width)
        defer { classSums.deallocate() }
        let sets = band.zones.count
        let zoneValues = UnsafeMutablePointer<UnsafePointer<Float>>.allocate(capacity: max(1, sets))
        let zoneNodata = UnsafeMutablePointer<Float>.allocate(capacity: max(1, sets))
        defer { zoneValues.deallocate(); zoneNodata.deallocate() }
        for (set, layer) in band.zones.enumerated() {
            (zoneValues + set).initialize(to: layer.values)
            (zoneNodata + set).initialize(to: layer.nodata)
        }
        var zones = accumulator.zones
        // Loop-invariant layers; an absent layer is replaced by the land cover and never read (its flag is false).
        let lulc = band.lulc
        let wantsWater = waterMethod != nil && band.precipitation != nil
        let precipitation = band.precipitation ?? lulc
        let balanceET = band.evapotranspiration
        let et0 = band.referenceET, depthLayer = band.soilDepth, pawcLayer = band.pawc
        let hasBudykoInputs = useBudyko && et0 != nil && depthLayer != nil && pawcLayer != nil
        let referenceET = et0 ?? lulc, soilDepth = depthLayer ?? lulc, pawc = pawcLayer ?? lulc
        let hasBalanceET = !useBudyko && balanceET != nil
        let evapotranspiration = balanceET ?? lulc
        let hasRUSLE = band.erosivity != nil && band.erodibility != nil && band.slopeLength != nil
        let erosivity = band.erosivity ?? lulc, erodibility = band.erodibility ?? lulc, slopeLength = band.slopeLength ?? lulc
        let mapped = p.mapped, alpha = p.alpha, conserves = p.conserves, kc = p.kc, rootDepth = p.rootDepth
        let vegetated = p.vegetated, coverPractice = p.coverPractice, retainsSoil = p.retainsSoil, carbonRate = p.carbonRate
        let seasonality = p.seasonality
        let area = cellArea
        let computesSoil = soil, computesCarbon = carbon
        // Per-cell quantities of one row (0 for skipped cells), summed by zone runs after each row.
        let rowWidth = band.width
        let count = rowWidth
        let cellSums = UnsafeMutablePointer<Double>.allocate(capacity: max(1, rowWidth) * width)
        cellSums.initialize(repeating: 0, count: max(1, rowWidth) * width)
        defer { cellSums.deallocate() }
        // Zone pass over one row: runs of equal ids summed in registers, added to the zone's sums at each change.
        func sumZoneRuns(rowStart: Int) {
            for set in 0..<sets {
                let values = zoneValues[set] + rowStart, nodata = zoneNodata[set]
                var i = 0
                while i < count {
                    let value = values[i]
                    let id: Int32 = value == value && value != nodata && value > 0 ? Int32(clamping: Int(value)) : 0
                    var cells = 0.0, water = 0.0, yield = 0.0, retained = 0.0, carbonSum = 0.0
                    var j = i
                    while j < count {
                        // a run is a stretch of identical stored values (bit patterns, so NaN runs too)
                        if values[j].bitPattern != value.bitPattern { break }
                        let cell = cellSums + j * width
                        cells += cell[0]
                        water += cell[1]
                        yield += cell[2]
                        retained += cell[3]
                        carbonSum += cell[4]
                        j += 1
                    }
                    if cells > 0 {
                        var sums = zones[set][id] ?? [Double](repeating: 0, count: width)
                        sums[0] += cells
                        sums[1] += water
                        sums[2] += yield
                        sums[3] += retained
                        sums[4] += carbonSum
                        zones[set][id] = sums
                    }
                    i = j
                }
            }
        }
        var unmapped: [Int32: Int] = [:]
        var nodataCells = 0
        // Per row, three passes (as the water-yield kernel does): classify cells and queue the
        // vegetated ones for the Fu–Budyko curve; run the two powf per queued cell back to back;
        // then finish every cell and add it to the class sums and the row's cell sums.
        let scratch = WaterYieldRowScratch(width: max(1, rowWidth))
        defer { scratch.deallocate() }
        let classOf = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, rowWidth))
        let evapotranspirationRow = UnsafeMutablePointer<Float>.allocate(capacity: max(1, rowWidth))
        defer { classOf.deallocate(); evapotranspirationRow.deallocate() }
        let waterMissing: UInt8 = 1, soilMissing: UInt8 = 2
        mapped.withUnsafeBufferPointer { mapped in
        alpha.withUnsafeBufferPointer { alpha in
        conserves.withUnsafeBufferPointer { conserves in
        kc.withUnsafeBufferPointer { kc in
        rootDepth.withUnsafeBufferPointer { rootDepth in
        vegetated.withUnsafeBufferPointer { vegetated in
        coverPractice.withUnsafeBufferPointer { coverPractice in
        retainsSoil.withUnsafeBufferPointer { retainsSoil in
        carbonRate.withUnsafeBufferPointer { carbonRate in
            for row in 0..<(band.count / max(1, rowWidth)) {
                let rowStart = row * rowWidth
                var queued = 0
                for column in 0..<rowWidth {
                    let i = rowStart + column
                    let raw = lulc.values[i]
                    let validCover = lulc.isValid(i)
                    guard validCover, raw >= 0, raw < Float(classCount), mapped[Int(raw)] == 1 else {
                        if validCover { unmapped[Int32(clamping: Int(raw.rounded())), default: 0] += 1 }
                        classOf[column] = -1
                        continue
                    }
                    let c = Int(raw)
                    classOf[column] = Int32(c)
                    var flags: UInt8 = 0
                    if wantsWater {
                        let pValue = precipitation.values[i]
                        if !precipitation.isValid(i) || pValue == 0 {
                            flags |= waterMissing
                        } else if hasBalanceET, evapotranspiration.isValid(i) {
                            evapotranspirationRow[column] = evapotranspiration.values[i]
                        } else if hasBudykoInputs, referenceET.isValid(i), soilDepth.isValid(i), pawc.isValid(i) {
                            let pet = kc[c] * referenceET.values[i]
                            if vegetated[c] == 1 {
                                let (phi, omega) = WaterYieldCell.budykoArguments(pet: pet, precipitation: pValue, rootDepth: rootDepth[c],
                                                                                  soilDepth: soilDepth.values[i], pawc: pawc.values[i], z: seasonality)
                                scratch.phi[queued] = phi
                                scratch.omega[queued] = omega
                                scratch.queue[queued] = Int32(column)
                                queued += 1
                            } else {
                                evapotranspirationRow[column] = WaterYieldCell.nonVegetatedFraction(pet: pet, precipitation: pValue) * pValue
                            }
                        } else {
                            flags |= waterMissing
                        }
                    }
                    if computesSoil, retainsSoil[c] == 1,
                       !(hasRUSLE && erosivity.isValid(i) && erodibility.isValid(i) && slopeLength.isValid(i)) {
                        flags |= soilMissing
                    }
                    scratch.flags[column] = flags
                }
                for j in 0..<queued {
                    scratch.power[j] = WaterYieldCell.innerPower(phi: scratch.phi[j], omega: scratch.omega[j])
                }
                for j in 0..<queued {
                    let column = Int(scratch.queue[j])
                    let fraction = WaterYieldCell.vegetatedFraction(phi: scratch.phi[j], omega: scratch.omega[j], innerPower: scratch.power[j])
                    evapotranspirationRow[column] = fraction * precipitation.values[rowStart + column]
                }
                for column in 0..<rowWidth {
                    let c = Int(classOf[column])
                    guard c >= 0 else {
                        (cellSums + column * width).update(repeating: 0, count: width)
                        continue
                    }
                    let i = rowStart + column
                    let flags = scratch.flags[column]
                    var water = 0.0, yield = 0.0, soilRetained = 0.0, carbonTonnes = 0.0
                    if wantsWater && flags & waterMissing == 0 {
                        let pValue = precipitation.values[i], et = evapotranspirationRow[column]
                        yield = Double((pValue - et) * 1e-3 * area)
                        water = Double(max(0, pValue - alpha[c] * pValue - et) * 1e-3 * area * conserves[c])
                    }
                    if computesSoil, retainsSoil[c] == 1, flags & soilMissing == 0 {
                        soilRetained = Double(erosivity.values[i] * erodibility.values[i] * slopeLength.values[i] * (1 - coverPractice[c])) * hectares
                    }
                    if computesCarbon { carbonTonnes = Double(carbonRate[c]) * hectares }
                    if flags != 0 { nodataCells += 1 }
                    let base = classSums + c * width
                    base[0] += 1
                    base[1] += water
                    base[2] += yield
                    base[3] += soilRetained
                    base[4] += carbonTonnes
                    let cell = cellSums + column * width
                    cell[0] = 1
                    cell[1] = water
                    cell[2] = yield
                    cell[3] = soilRetained
                    cell[4] = carbonTonnes
                }
                sumZoneRuns(rowStart: rowStart)
            }
        }}}}}}}}}
        accumulator.zones = zones
        for (code, count) in unmapped { accumulator.unmappedCodes[code, default: 0] += count }
        accumulator.nodataCells += nodataCells
        for index in 0..<(classCount * width) { accumulator.byClass[index] += classSums[index] }
    }
}
