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
        var nodata: Float?

        @inline(__always) func isValid(_ i: Int) -> Bool {
            let v = values[i]
            return !v.isNaN && v != nodata
        }
    }

    /// The layers of one band (nil when not used by the requested services).
    struct Band {
        var count: Int
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
    func accumulate(_ band: Band, into accumulator: inout GridAccumulator) {
        let p = parameters
        let width = GridAccumulator.width
        let useBudyko = waterMethod == "water_yield"
        let hectares = Double(cellArea) / 1e4
        var zoneCache = [(id: Int32, sums: [Double])?](repeating: nil, count: band.zones.count)
        for i in 0..<band.count {
            let raw = band.lulc.values[i]
            guard band.lulc.isValid(i), raw >= 0, raw < Float(p.classCount), p.mapped[Int(raw)] == 1 else {
                let code = raw.isNaN ? Int32.min : Int32(clamping: Int(raw.rounded()))
                if band.lulc.isValid(i) { accumulator.unmappedCodes[code, default: 0] += 1 }
                continue
            }
            let c = Int(raw)
            var sums = (cells: 1.0, water: 0.0, yield: 0.0, soil: 0.0, carbon: 0.0)
            var missing = false
            if waterMethod != nil, let precipitation = band.precipitation {
                let pValue = precipitation.values[i]
                var et: Float = .nan
                if !precipitation.isValid(i) || pValue == 0 {
                    missing = true
                } else if !useBudyko, let layer = band.evapotranspiration, layer.isValid(i) {
                    et = layer.values[i]
                } else if useBudyko, let et0 = band.referenceET, let depth = band.soilDepth, let pawc = band.pawc,
                          et0.isValid(i), depth.isValid(i), pawc.isValid(i) {
                    let pet = p.kc[c] * et0.values[i]
                    if p.vegetated[c] == 1 {
                        let awc = min(p.rootDepth[c], depth.values[i]) * pawc.values[i]
                        let omega = min(p.seasonality * awc / pValue + 1.25, 5)
                        let ratio = pet / pValue
                        let fu = 1 + ratio - powf(1 + powf(ratio, omega), 1 / omega)
                        et = min(ratio, fu) * pValue
                    } else {
                        et = min(pet, pValue)
                    }
                } else {
                    missing = true
                }
                if !missing {
                    sums.yield = Double((pValue - et) * 1e-3 * cellArea)
                    let depth = pValue - p.alpha[c] * pValue - et
                    sums.water = Double(max(0, depth) * 1e-3 * cellArea * p.conserves[c])
                }
            }
            if soil, p.retainsSoil[c] == 1 {
                if let r = band.erosivity, let k = band.erodibility, let ls = band.slopeLength, r.isValid(i), k.isValid(i), ls.isValid(i) {
                    sums.soil = Double(r.values[i] * k.values[i] * ls.values[i] * (1 - p.coverPractice[c])) * hectares
                } else {
                    missing = true
                }
            }
            if carbon { sums.carbon = Double(p.carbonRate[c]) * hectares }
            if missing { accumulator.nodataCells += 1 }
            let base = c * width
            accumulator.byClass[base] += sums.cells
            accumulator.byClass[base + 1] += sums.water
            accumulator.byClass[base + 2] += sums.yield
            accumulator.byClass[base + 3] += sums.soil
            accumulator.byClass[base + 4] += sums.carbon
            for (set, layer) in band.zones.enumerated() {
                let value = layer.values[i]
                let id: Int32 = layer.isValid(i) && value > 0 ? Int32(clamping: Int(value)) : 0
                if zoneCache[set]?.id != id {
                    if let cached = zoneCache[set] { accumulator.zones[set][cached.id] = cached.sums }
                    zoneCache[set] = (id, accumulator.zones[set][id] ?? [Double](repeating: 0, count: width))
                }
                zoneCache[set]!.sums[0] += sums.cells
                zoneCache[set]!.sums[1] += sums.water
                zoneCache[set]!.sums[2] += sums.yield
                zoneCache[set]!.sums[3] += sums.soil
                zoneCache[set]!.sums[4] += sums.carbon
            }
        }
        for (set, cached) in zoneCache.enumerated() { if let cached { accumulator.zones[set][cached.id] = cached.sums } }
    }
}
