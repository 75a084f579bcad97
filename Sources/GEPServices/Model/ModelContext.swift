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

    /// Ecosystem types with a positive area, in catalogue order, restricted to `eligible`.
    public func presentTypes(_ eligible: [EcosystemType] = EcosystemType.allCases) -> [EcosystemType] {
        eligible.filter { input.area(of: $0) > 0 }
    }
}
