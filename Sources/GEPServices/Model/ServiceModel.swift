import GEPCore

/// A method a service can be computed by.
public struct MethodSpec: Sendable {
    /// Stable id recorded in the output, e.g. `water_balance`.
    public var id: String
    /// The formula, written out with units.
    public var formula: String
    /// Where the method comes from.
    public var source: String
}

/// The declarative description of a service: what it is, how it may be computed, and which
/// section keys its input takes. Help text and validation derive from it.
public struct ServiceSpec: Sendable {
    /// The service.
    public var id: ServiceID
    /// Unit of the headline physical quantity.
    public var physicalUnit: PhysicalUnit
    /// Methods, the default first.
    public var methods: [MethodSpec]
    /// Keys the service's input section may hold besides `enabled`, `method`, `note` and `source`.
    public var sectionKeys: [String]
    /// County inputs the methods read (`climate.precipitation`, `ecosystems.<type>.area`, …).
    public var inputs: [String]
    /// Coefficient ids or id patterns (`<type>` stands for an ecosystem type) the methods use.
    public var coefficients: [String]

    /// The default method.
    public var defaultMethod: MethodSpec { methods[0] }
}

/// A service's physical model and the priced lines it produces.
///
/// Models are pure: `account` reads the input section and the context and returns the
/// physical account and its value lines; valuation is done afterwards from the lines.
public protocol ServiceModel: Sendable {
    /// The declarative spec.
    static var spec: ServiceSpec { get }
    /// Computes the physical account of the service with `method` from its input `section`.
    static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount
}

extension ServiceModel {
    /// A service account with the spec's id and unit filled in.
    static func result(method: MethodSpec, physical: [(ecosystem: EcosystemType?, quantity: Double)], total: Double?,
                       lines: [ValueLine], notes: [String] = []) -> ServiceAccount {
        ServiceAccount(id: spec.id, status: .accounted, method: method.id, formula: method.formula, physicalUnit: spec.physicalUnit,
                       physicalByEcosystem: physical, physicalTotal: total, lines: lines, notes: notes)
    }
}
