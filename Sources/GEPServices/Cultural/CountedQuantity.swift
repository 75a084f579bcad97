import GEPCore

/// The shape shared by the cultural services: one counted quantity from the service's input
/// section, priced at one unit value and attributed county-wide.
enum CountedQuantity {
    /// Reads `section[key]` in `unit` and prices it at `priceID`.
    static func account(spec: ServiceSpec, method: MethodSpec, section: JSONNode, key: String, unit: String,
                        component: String, labelZH: String, labelEN: String, priceID: String,
                        context: inout ModelContext) -> ServiceAccount {
        var reader = FieldReader(file: context.input.file)
        let quantity = reader.quantity(section, key, path: "services.\(spec.id.id)", expected: .known(unit))?.value ?? .nan
        context.diagnostics += reader.diagnostics
        let line = ValueLine(service: spec.id, component: component, labelZH: labelZH, labelEN: labelEN, ecosystem: nil,
                             quantity: quantity, unit: .known(unit), priceID: priceID)
        return ServiceAccount(id: spec.id, status: .accounted, method: method.id, formula: method.formula, physicalUnit: spec.physicalUnit,
                              physicalByEcosystem: [(nil, quantity)], physicalTotal: quantity, lines: [line])
    }
}
