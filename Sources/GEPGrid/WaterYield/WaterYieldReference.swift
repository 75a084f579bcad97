import Foundation
import GEPCore
import GEPRaster

/// A plain scalar Annual Water Yield: one straightforward loop over whole in-memory arrays,
/// in `Double`, with Foundation's `pow`.
///
/// It applies the same validity rules and equations as `WaterYieldModel` (InVEST 3.20.2
/// `fractp_op`), but reads every layer whole, uses the table's `Double` values and adds each
/// cell directly into its zone. It exists to check the engine (results agree to about 1e-7
/// relative; the difference is Float32 against Double arithmetic) and as the baseline of the
/// benchmark. Memory: every layer in full, plus three `Double` output arrays.
public enum WaterYieldReference {
    /// The reference's sums and per-cell outputs (−1 where not valid).
    public struct Output: Sendable {
        /// Whole-grid and per-zone sums.
        public var result: WaterYieldResult
        /// Water yield per cell, mm.
        public var wyield: [Double]
        /// Actual evapotranspiration per cell, mm.
        public var aet: [Double]
        /// AET/P per cell.
        public var fractp: [Double]
    }

    /// Runs the scalar reference.
    ///
    /// - Throws: As `WaterYieldModel.run`: misaligned layers, missing land-cover codes,
    ///   invalid zone ids, read errors.
    public static func run(_ model: WaterYieldModel, layers: WaterYieldLayers, zones: (any RasterBand)? = nil) throws(GEPError) -> Output {
        let bands = layers.all
        try GridAlignment.check(bands + (zones.map { [$0] } ?? []))
        let inputs = try bands.map { band throws(GEPError) in try band.readAll() }
        let zoneValues = try zones.map { band throws(GEPError) in try band.readAllDoubles() }
        let rules = bands.map { NodataRule(band: $0) }
        var resolver = ZoneKeyResolver(rule: ZoneNodataRule(band: zones))
        var byCode: [Int: BiophysicalTable.Entry] = [:]
        for entry in model.table.entries { byCode[entry.lucode] = entry }
        let z = model.seasonalityConstant
        let count = bands[0].geometry.cellCount
        var wyield = [Double](repeating: -1, count: count), aet = wyield, fractp = wyield
        var grid = WaterYieldSums.zero, unzoned = WaterYieldSums.zero
        var perZone: [Int: WaterYieldSums] = [:]
        var missing: [Float: Int] = [:]
        var invalidZones: [Double: Int] = [:]
        for i in 0..<count {
            let code = inputs[0][i], p = Double(inputs[1][i]), e = Double(inputs[2][i])
            let soil = Double(inputs[3][i]), available = Double(inputs[4][i])
            let codeIsNodata = rules[0].isNodata(code)
            let entry = codeIsNodata || code != code.rounded() || abs(code) > 1e9 ? nil : byCode[Int(code)]
            if entry == nil && !codeIsNodata { missing[code, default: 0] += 1 }
            var sums = WaterYieldSums.zero
            sums.cells = 1
            if !rules[1].isNodata(inputs[1][i]) {
                sums.precipitationCells = 1
                sums.precipitation = p
            }
            if let entry, !rules[2].isNodata(inputs[2][i]) {
                sums.petCells = 1
                sums.pet = entry.kc * e
            }
            if let entry, sums.precipitationCells == 1, sums.petCells == 1, p != 0,
               !rules[3].isNodata(inputs[3][i]), !rules[4].isNodata(inputs[4][i]) {
                let pet = entry.kc * e
                let f: Double
                if entry.isVegetated {
                    let phi = pet / p
                    let omega = min(z * min(entry.rootDepth, soil) * available / p + 1.25, 5)
                    f = min(phi, 1 + phi - pow(1 + pow(phi, omega), 1 / omega))
                } else {
                    f = min(pet, p) / p
                }
                (fractp[i], aet[i], wyield[i]) = (f, f * p, (1 - f) * p)
                sums.validCells = 1
                (sums.fractp, sums.aet, sums.wyield) = (f, f * p, (1 - f) * p)
            }
            grid.add(sums)
            let zoneValue = zoneValues?[i] ?? 0
            let id = resolver.id(for: zoneValue.bitPattern)
            if id > 0 {
                perZone[id, default: .zero].add(sums)
            } else if id == 0 {
                unzoned.add(sums)
            } else {
                invalidZones[zoneValue, default: 0] += 1
            }
        }
        let diagnostics = model.missingCodeDiagnostics(missing.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                                                       landCover: layers.landCover.name)
            + ZoneKeyResolver.diagnostics(invalidZones.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, zoneLayer: zones?.name)
        guard diagnostics.isEmpty else { throw .invalidData(diagnostics) }
        let result = WaterYieldResult(grid: grid, zones: perZone, unzoned: unzoned, cellArea: bands[0].geometry.cellArea)
        return Output(result: result, wyield: wyield, aet: aet, fractp: fractp)
    }
}
