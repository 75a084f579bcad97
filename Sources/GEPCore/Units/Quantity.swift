/// A number with its unit, e.g. 3.2 `t_C/ha/a` or 55 `CNY/t_CO2`.
public struct Quantity: Sendable, Hashable {
    /// The number, expressed in `unit`.
    public var value: Double
    /// The unit `value` is expressed in.
    public var unit: PhysicalUnit

    /// A quantity of `value` in `unit`.
    public init(_ value: Double, _ unit: PhysicalUnit) {
        self.value = value
        self.unit = unit
    }

    /// The same quantity expressed in `target`.
    /// - Throws: `UnitError.incompatible` when the dimensions differ.
    public func converted(to target: PhysicalUnit) throws(UnitError) -> Quantity {
        guard let factor = unit.conversionFactor(to: target) else {
            throw .incompatible(from: unit, to: target)
        }
        return Quantity(value * factor, target)
    }
}
