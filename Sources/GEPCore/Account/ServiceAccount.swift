/// The physical and money account of one service.
public struct ServiceAccount: Sendable {
    /// Whether the service was computed.
    public enum Status: Sendable, Hashable {
        /// Computed from the inputs.
        case accounted
        /// Switched off in the input (`"enabled": false`), with the reason given.
        case disabled(String)
        /// No inputs for it in the file: not part of this account.
        case notAccounted
    }

    /// The service.
    public var id: ServiceID
    /// Computed, disabled or not accounted.
    public var status: Status
    /// The method used (a choice where the method family offers alternatives), e.g. `water_balance`.
    public var method: String
    /// The formula, written out.
    public var formula: String
    /// The unit of the headline physical quantity (m³, t CO₂, kWh, visits…).
    public var physicalUnit: PhysicalUnit
    /// Headline physical quantity by ecosystem type (`nil` key: county-wide), in catalogue order.
    public var physicalByEcosystem: [(ecosystem: EcosystemType?, quantity: Double)]
    /// Sum of `physicalByEcosystem`, or `nil` when the service's quantities are not commensurable (mixed products).
    public var physicalTotal: Double?
    /// The priced lines.
    public var lines: [ValueLine]
    /// The money value of each line (same order), in CNY at the account's price basis.
    public var lineValues: [Double]
    /// Remarks: floored values, excluded types, assumptions the model made.
    public var notes: [String]

    /// Creates a service account; values are filled by valuation.
    public init(id: ServiceID, status: Status, method: String, formula: String, physicalUnit: PhysicalUnit,
                physicalByEcosystem: [(ecosystem: EcosystemType?, quantity: Double)], physicalTotal: Double?,
                lines: [ValueLine], notes: [String] = []) {
        self.id = id
        self.status = status
        self.method = method
        self.formula = formula
        self.physicalUnit = physicalUnit
        self.physicalByEcosystem = physicalByEcosystem
        self.physicalTotal = physicalTotal
        self.lines = lines
        self.lineValues = Array(repeating: 0, count: lines.count)
        self.notes = notes
    }

    /// The service's value in CNY: the sum of its line values (0 unless accounted).
    public var value: Double { status == .accounted ? lineValues.reduce(0, +) : 0 }

    /// Value by ecosystem type (`nil` key: county-wide), in catalogue order.
    public var valueByEcosystem: [(ecosystem: EcosystemType?, value: Double)] {
        var sums: [EcosystemType?: Double] = [:]
        for (line, value) in zip(lines, lineValues) { sums[line.ecosystem, default: 0] += value }
        return EcosystemAttribution.ordered(sums)
    }
}

/// Ordering helper for per-ecosystem breakdowns: catalogue order, county-wide (`nil`) last.
public enum EcosystemAttribution {
    /// Entries of `sums` in catalogue order, with `nil` last.
    public static func ordered<V>(_ sums: [EcosystemType?: V]) -> [(ecosystem: EcosystemType?, value: V)] {
        var result: [(ecosystem: EcosystemType?, value: V)] = []
        for type in EcosystemType.allCases { if let v = sums[type] { result.append((type, v)) } }
        if let v = sums[nil] { result.append((nil, v)) }
        return result
    }
}
