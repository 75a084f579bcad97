/// A unit of measurement as written by the user, with its dimension and scale.
///
/// Values are converted through coherent base units: CNY, m, kg (of each substance),
/// a, d, s, J and 1 per counted thing. Equality also compares the spelling (`m2` ≠ `m^2`);
/// use `isCompatible(with:)` or `conversionFactor(to:)` to compare physically.
public struct PhysicalUnit: Sendable, Hashable, CustomStringConvertible {
    /// The text as written, trimmed of surrounding whitespace, e.g. `t_C/ha/a`.
    public let symbol: String
    /// What the unit measures.
    public let dimension: Dimension
    /// Multiply a value in this unit by `scale` to get coherent base units
    /// (e.g. 1e4 for `万元`, 1e3 for `t_C`, 1e4 for `ha`, 1/36000 for `MJ*mm/(ha*h*a)`).
    public let scale: Double
    let exactScale: ExactScale

    init(symbol: String, _ meaning: ScaledDimension) {
        self.symbol = symbol
        self.dimension = meaning.dimension
        self.exactScale = meaning.scale
        self.scale = meaning.scale.value
    }

    private var meaning: ScaledDimension {
        ScaledDimension(dimension, exactScale)
    }

    /// The pure number, symbol `1`, scale 1.
    public static let dimensionless = PhysicalUnit(symbol: "1", .dimensionless)

    /// The symbol.
    public var description: String { symbol }

    /// Whether values convert between the two units (same dimension).
    public func isCompatible(with other: PhysicalUnit) -> Bool {
        dimension == other.dimension
    }

    /// Factor f such that value_in_self * f = value_in_target, or nil when dimensions differ.
    ///
    /// Computed from exact scales with a single rounding: `km2 → ha` is exactly 100,
    /// `万元/t → CNY/t` exactly 1e4, `kWh → MJ` is 3.6, `亩 → ha` is 1/15 correctly rounded.
    public func conversionFactor(to target: PhysicalUnit) -> Double? {
        guard isCompatible(with: target) else { return nil }
        return (exactScale / target.exactScale).value
    }

    /// The product unit; symbol `l*r`, or the other operand's symbol when one is `1`.
    public static func * (lhs: PhysicalUnit, rhs: PhysicalUnit) -> PhysicalUnit {
        let symbol = switch (lhs.symbol, rhs.symbol) {
        case ("1", _): rhs.symbol
        case (_, "1"): lhs.symbol
        default: "\(lhs.symbol)*\(rhs.symbol)"
        }
        return PhysicalUnit(symbol: symbol, lhs.meaning * rhs.meaning)
    }

    /// The quotient unit; symbol `l/r`, or `l/(r)` when `r` is compound, or `l` when `r` is `1`.
    public static func / (lhs: PhysicalUnit, rhs: PhysicalUnit) -> PhysicalUnit {
        let denominator = hasTopLevelOperator(rhs.symbol) ? "(\(rhs.symbol))" : rhs.symbol
        let symbol = rhs.symbol == "1" ? lhs.symbol : "\(lhs.symbol)/\(denominator)"
        return PhysicalUnit(symbol: symbol, lhs.meaning / rhs.meaning)
    }

    /// Whether `symbol` multiplies or divides outside any parentheses.
    private static func hasTopLevelOperator(_ symbol: String) -> Bool {
        var depth = 0
        for character in symbol {
            switch character {
            case "(": depth += 1
            case ")": depth -= 1
            case "*", "·", ".", "/": if depth == 0 { return true }
            default: continue
            }
        }
        return false
    }
}
