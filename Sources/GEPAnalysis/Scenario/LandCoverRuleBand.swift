import GEPCore
import GEPRaster

/// A land-cover band with a scenario rule applied on the fly: a cell whose code is in the
/// rule's `from` set and whose condition value is above the threshold reads as the `to` code.
final class LandCoverRuleBand: RasterBand {
    let base: any RasterBand
    let condition: any RasterBand
    let rule: Scenario.LandCoverRule
    /// The scenario file the rule comes from, named with the band in messages.
    let scenario: String

    var name: String { base.name + " (with the land_cover_rule of \(scenario))" }
    var geometry: GridGeometry { base.geometry }
    var dataType: RasterDataType { base.dataType }
    var nodata: Double? { base.nodata }
    var blockHeight: Int { base.blockHeight }

    /// - Throws: `.invalidData` when the condition raster is not aligned with the land cover.
    init(base: any RasterBand, condition: any RasterBand, rule: Scenario.LandCoverRule, scenario: String) throws(GEPError) {
        let differences = base.geometry.differences(from: condition.geometry)
        guard differences.isEmpty else {
            throw .invalidData(differences.map { Diagnostic(file: condition.name, message: "the rule's raster is not aligned with the land cover \(base.name): \($0)") })
        }
        self.base = base
        self.condition = condition
        self.rule = rule
        self.scenario = scenario
    }

    func read(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Float>) throws(GEPError) {
        try base.read(rows: rows, into: buffer)
        try applyRule(to: buffer, count: rows.count * geometry.width) { (values) throws(GEPError) in try condition.read(rows: rows, into: values) }
    }

    func readDoubles(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) throws(GEPError) {
        try base.readDoubles(rows: rows, into: buffer)
        try applyRule(to: buffer, count: rows.count * geometry.width) { (values) throws(GEPError) in try condition.readDoubles(rows: rows, into: values) }
    }

    /// Replaces the first `count` codes in `codes` where the rule applies, given the
    /// condition's values for the same cells, read by `readCondition`.
    private func applyRule<Value: BinaryFloatingPoint>(to codes: UnsafeMutableBufferPointer<Value>, count: Int,
                                                       readCondition: (UnsafeMutableBufferPointer<Value>) throws(GEPError) -> Void) throws(GEPError) {
        let values = UnsafeMutableBufferPointer<Value>.allocate(capacity: count)
        defer { values.deallocate() }
        try readCondition(values)
        let target = Value(rule.to), threshold = rule.above, conditionNodata = condition.nodata
        for i in 0..<count {
            let code = codes[i], value = values[i]
            guard code >= 0, code <= 65535, rule.from.contains(Int(code)), value == value, Double(value) != conditionNodata, Double(value) > threshold else { continue }
            codes[i] = target
        }
    }
}
