import GEPCore

/// What a service model reads while it computes: the county's inputs and the coefficients
/// in force. Every missing input or coefficient is recorded (not thrown) so that one run
/// reports all of them, naming the service that needed each.
public struct ModelContext: Sendable {
    /// The county input.
    public let input: CountyInput
    /// Coefficient access with unit checking, price indexing and usage tracking.
    public var coefficients: CoefficientLookup
    /// Problems found in service sections and missing inputs.
    public var diagnostics: [Diagnostic] = []
    /// The grid's driver sums when the account is a grid's (`nil`: a county account, whose
    /// drivers come from the county's statistics).
    public var grid: GridDriverSums?

    /// Creates a context.
    public init(input: CountyInput, coefficients: CoefficientLookup) {
        self.input = input
        self.coefficients = coefficients
    }

    /// A county-level climate or soil input in its model unit, or NaN after recording a problem.
    public mutating func climate(_ key: String, for service: ServiceID) -> Double {
        if let value = input.climate[key]?.value { return value }
        missing("climate.\(key)", unit: CountyFields.climate.first { $0.key == key }?.unit, for: service)
        return .nan
    }

    /// A per-ecosystem input in its model unit, or NaN after recording a problem.
    public mutating func ecosystemField(_ type: EcosystemType, _ key: String, for service: ServiceID) -> Double {
        if let value = input.ecosystemFields[type]?[key]?.value { return value }
        missing("ecosystems.\(type.id).\(key)", unit: CountyFields.ecosystem.first { $0.key == key }?.unit, for: service)
        return .nan
    }

    /// A coefficient in `unit` (a unit symbol written in the model), index-adjusted if a price.
    public mutating func coefficient(_ id: String, _ unit: String, for service: ServiceID) -> Double {
        coefficients.value(id, in: .known(unit), for: service.id)
    }

    /// A driver sum for `type`: the grid's when the grid folded it, else the county's from
    /// `county` (the service's cell formula applied to the county's statistics and the type's
    /// area). The driver returned is the one the line is proportional to: `nil` when a grid had
    /// to use the county's figure (a county total, allocated by area).
    public mutating func driver(_ driver: CellDriver, _ type: EcosystemType,
                                county: (inout ModelContext) -> Double) -> (value: Double, driver: CellDriver?) {
        guard let grid else { return (county(&self), driver) }
        if let sum = grid.sum(driver, type) { return (sum, driver) }
        return (county(&self), nil)
    }

    /// A product driver for `type`: Π factors · depth scale · area, each factor the grid's
    /// layer where it has one and the county's statistic otherwise.
    public mutating func product(_ driver: CellDriver, _ type: EcosystemType, for service: ServiceID) -> Double {
        guard let factors = driver.productFactors else { preconditionFailure("\(driver) is not a product driver") }
        var value = 1.0
        for factor in factors where grid?.layers.contains(factor.key) != true {
            value *= factor.level == .climate ? climate(factor.key, for: service) : ecosystemField(type, factor.key, for: service)
        }
        if let grid { return value * (grid.sum(driver, type) ?? 0) }
        let area = input.area(of: type)
        return value * driver.depthScale * (driver.isPerHectare ? area : area * 1e4)
    }

    /// Records a problem in the service's section of the input file.
    public mutating func report(_ message: String, at position: SourcePosition?, path: String) {
        diagnostics.append(Diagnostic(file: input.file, line: position?.line, column: position?.column, path: path, message: message))
    }

    /// Records a missing input.
    public mutating func missing(_ path: String, unit: PhysicalUnit?, for service: ServiceID) {
        let unitText = unit.map { " (\($0.symbol))" } ?? ""
        let diagnostic = Diagnostic(file: input.file, path: path, message: "missing input\(unitText), needed by \(service.id)")
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }

    /// Present types (positive area, catalogue order) that have the coefficient
    /// `<prefix>.<type>` in force: a service counts a type when its coefficients give the type a
    /// value. The present types left out are listed in `excluded`.
    public func typesWith(_ prefix: String, excluded: inout [EcosystemType]) -> [EcosystemType] {
        var counted: [EcosystemType] = []
        for type in presentTypes() {
            if coefficients.has("\(prefix).\(type.id)") { counted.append(type) } else { excluded.append(type) }
        }
        return counted
    }

    /// Present types that have the coefficient `<prefix>.<type>` in force (`typesWith(_:excluded:)`
    /// without the list of those left out).
    public func typesWith(_ prefix: String) -> [EcosystemType] {
        var excluded: [EcosystemType] = []
        return typesWith(prefix, excluded: &excluded)
    }

    /// A note naming the present types a service left out for want of `<prefix>.<type>`.
    public static func exclusionNote(_ excluded: [EcosystemType], prefix: String) -> [String] {
        excluded.isEmpty ? [] : ["not counted (no \(prefix).<type> in force): \(excluded.map(\.id).joined(separator: ", "))"]
    }

    /// Ecosystem types with a positive area, in catalogue order, restricted to `eligible`.
    public func presentTypes(_ eligible: [EcosystemType] = EcosystemType.allCases) -> [EcosystemType] {
        eligible.filter { input.area(of: $0) > 0 }
    }
}
