import GEPCore
import GEPGrid

extension Scenario {
    /// The two sides of a county scenario, as the comparison and the difference model build them.
    struct CountySides {
        /// The baseline input, named as the scenario names its baseline.
        var baseline: CountyInput
        /// The input with the scenario applied.
        var changed: CountyInput
        /// The scenario account's price basis: the scenario's, else the baseline's.
        var priceBasis: PriceBasis
    }

    /// The county baseline's bytes; a failure to read it names this scenario's `baseline`.
    public func readBaseline() throws(GEPError) -> [UInt8] {
        try GEPError.reading(namedAt: "baseline", in: file) { () throws(GEPError) in try InputFile.read(baselinePath, relativeTo: "/") }
    }

    /// Reads the baseline from `bytes` and applies the scenario to it.
    func countySides(baselineBytes bytes: [UInt8]) throws(GEPError) -> CountySides {
        var baseline = try CountyInput.parse(bytes, file: baselinePath)
        baseline.file = baselineName
        return CountySides(baseline: baseline, changed: try apply(toBaseline: bytes), priceBasis: priceBasis ?? baseline.priceBasis)
    }

    /// A grid scenario's changed grid input: the baseline's, in the scenario's accounting year.
    func changedGridInput(_ input: GridInput) -> GridInput {
        var changed = input
        if let year { changed.year = year }
        return changed
    }

    /// The baseline input with the scenario's land-cover conversions, adjustments and service
    /// changes applied, re-validated as a county input. The result names the baseline file,
    /// so a scenario with no changes yields an input (and an account) identical to the baseline's.
    ///
    /// - Throws: `GEPError.invalidData` listing every problem: a conversion of more area than
    ///   the type has (after earlier conversions), a conversion to a type the baseline does not
    ///   describe, a path that names no quantity, a unit of the wrong dimension, and any problem
    ///   the changed input has as a county input.
    public func apply(toBaseline bytes: [UInt8]) throws(GEPError) -> CountyInput {
        let node = try JSONParser.parse(bytes, file: baselineName)
        guard case var .object(root) = JSON(node) else { throw .invalidData([Diagnostic(file: baselineName, message: "expected an object")]) }
        var problems: [Diagnostic] = []
        func problem(_ message: String) { problems.append(Diagnostic(file: file, message: message)) }

        for (index, conversion) in conversions.enumerated() {
            let label = "land_cover[\(index)]"
            guard case var .object(ecosystems) = root["ecosystems"] ?? .null else { problem("\(label): the baseline has no ecosystems"); continue }
            guard let fromArea = Self.hectares(ecosystems[conversion.from.id]) else {
                problem("\(label): the baseline has no area for \(conversion.from.id)")
                continue
            }
            guard let toArea = Self.hectares(ecosystems[conversion.to.id]) else {
                problem("\(label): the baseline has no ecosystems.\(conversion.to.id) entry; add it (with its evapotranspiration and slope_length_factor) to convert land to it")
                continue
            }
            guard conversion.area <= fromArea.value * (1 + 1e-12) else {
                problem("\(label): converts \(conversion.area) ha of \(conversion.from.id) but only \(fromArea.value) ha exist")
                continue
            }
            ecosystems[conversion.from.id] = Self.settingHectares(ecosystems[conversion.from.id]!, fromArea.value - conversion.area, unit: fromArea.unit)
            ecosystems[conversion.to.id] = Self.settingHectares(ecosystems[conversion.to.id]!, toArea.value + conversion.area, unit: toArea.unit)
            root["ecosystems"] = .object(ecosystems)
            for (type, before, after) in [(conversion.from, fromArea.value, fromArea.value - conversion.area),
                                          (conversion.to, toArea.value, toArea.value + conversion.area)] {
                root = Self.scalingIncrement(root, type: type, factor: before > 0 ? after / before : 1)
            }
        }
        for (index, adjustment) in adjustments.enumerated() {
            do throws(ScenarioPathError) {
                root = try Self.adjusting(root, path: Self.steps(adjustment.path), operation: adjustment.operation)
            } catch {
                problem("adjust[\(index)]: \(adjustment.path): \(error.message)")
            }
        }
        if !services.isEmpty {
            var sections: [String: JSON] = [:]
            if case let .object(existing) = root["services"] ?? .null { sections = existing }
            for (id, change) in services {
                var section: [String: JSON] = [:]
                if case let .object(existing) = sections[id.id] ?? .null { section = existing }
                if case let .object(keys) = change { for (key, value) in keys { section[key] = value } }
                sections[id.id] = .object(section)
            }
            root["services"] = .object(sections)
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
        return try blamingScenario { () throws(GEPError) in
            var input = try CountyInput.parse(Array(JSONWriter.string(.object(root)).utf8), file: baselineName)
            input.file = baselineName
            return input
        }
    }

    /// Runs `body` on the changed input (the baseline with this scenario applied) and reports
    /// the problems it finds in the baseline's name as this scenario's: in the scenario file,
    /// by JSON path, after naming the baseline. The changed input's line and column numbers
    /// are those of the rewritten text, not of the baseline file, so they are dropped.
    func blamingScenario<T>(_ body: () throws(GEPError) -> T) throws(GEPError) -> T {
        do {
            return try body()
        } catch {
            guard case let .invalidData(list) = error else { throw error }
            throw .invalidData(list.map { problem in
                guard problem.file == baselineName else { return problem }
                return Diagnostic(file: file, path: problem.path, message: "after applying the scenario to \(baselineName): \(problem.message)")
            })
        }
    }

    /// An ecosystem entry's area in ha, with the unit it was written in.
    private static func hectares(_ entry: JSON?) -> (value: Double, unit: PhysicalUnit)? {
        guard case let .object(fields) = entry ?? .null, case let .object(area) = fields["area"] ?? .null,
              case let .number(value) = area["value"] ?? .null, case let .string(text) = area["unit"] ?? .null,
              let unit = try? PhysicalUnit(parsing: text), let factor = unit.conversionFactor(to: .known("ha")) else { return nil }
        return (value * factor, unit)
    }

    private static func settingHectares(_ entry: JSON, _ hectares: Double, unit: PhysicalUnit) -> JSON {
        guard case var .object(fields) = entry, case var .object(area) = fields["area"] ?? .null,
              let factor = PhysicalUnit.known("ha").conversionFactor(to: unit) else { return entry }
        area["value"] = .number(hectares * factor)
        fields["area"] = .object(area)
        return .object(fields)
    }

    /// Scales a forest type's annual increment with its area (the per-hectare rate is kept).
    private static func scalingIncrement(_ root: [String: JSON], type: EcosystemType, factor: Double) -> [String: JSON] {
        guard factor != 1, let updated = try? adjusting(root, path: [.key("forest_stock"), .key(type.id), .key("annual_increment")],
                                                         operation: .multiply(factor)) else { return root }
        return updated
    }
}
