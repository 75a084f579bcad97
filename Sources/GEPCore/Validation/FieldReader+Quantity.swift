/// A measured input value with its unit and where it came from.
public struct SourcedQuantity: Sendable, Hashable {
    /// The value converted to the unit the model expects (`unit`).
    public var value: Double
    /// The unit `value` is expressed in (the model's expected unit).
    public var unit: PhysicalUnit
    /// The unit the user wrote, when it differed from `unit`.
    public var writtenUnit: PhysicalUnit
    /// The citation or "assumption: …" note given with the value, if any.
    public var source: String?

    /// Creates a sourced quantity already in its expected unit.
    public init(value: Double, unit: PhysicalUnit, writtenUnit: PhysicalUnit? = nil, source: String? = nil) {
        self.value = value
        self.unit = unit
        self.writtenUnit = writtenUnit ?? unit
        self.source = source
    }
}

extension FieldReader {
    /// Reads `{"value": x, "unit": "…", "source": "…"}` and converts it to `expected`.
    ///
    /// Problems reported: missing fields, a unit that does not parse, a unit of another
    /// dimension than `expected` (for example t_C where t_CO2 is expected), a non-finite
    /// value, and a negative value when `allowNegative` is false.
    public mutating func quantity(
        _ parent: JSONNode, _ key: String, path: String, expected: PhysicalUnit,
        required: Bool = true, allowNegative: Bool = false
    ) -> SourcedQuantity? {
        guard let node = field(parent, key, path: path, required: required) else { return nil }
        return quantity(node, path: join(path, key), expected: expected, allowNegative: allowNegative)
    }

    /// Reads a quantity object held directly by `node`.
    public mutating func quantity(_ node: JSONNode, path: String, expected: PhysicalUnit, allowNegative: Bool = false) -> SourcedQuantity? {
        guard object(node, path: path) != nil else { return nil }
        rejectUnknownKeys(node, allowed: ["value", "unit", "source", "note"], path: path)
        let value = number(node, "value", path: path)
        let unitText = string(node, "unit", path: path)
        let source = string(node, "source", path: path, required: false)
        guard let value, let unitText else { return nil }
        let written: PhysicalUnit
        do {
            written = try PhysicalUnit(parsing: unitText)
        } catch {
            report(error.description, at: node["unit"]?.position, path: join(path, "unit"))
            return nil
        }
        guard let factor = written.conversionFactor(to: expected) else {
            report("unit \(written.symbol) (\(written.dimension)) cannot be used here: expected a unit of \(expected.dimension) such as \(expected.symbol)",
                   at: node["unit"]?.position, path: join(path, "unit"))
            return nil
        }
        if !allowNegative && value < 0 {
            report("must not be negative, found \(value) \(written.symbol)", at: node["value"]?.position, path: join(path, "value"))
            return nil
        }
        return SourcedQuantity(value: value * factor, unit: expected, writtenUnit: written, source: source)
    }
}
