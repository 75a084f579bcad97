/// The physical dimension of a unit: an integer power of each base quantity.
///
/// Powers are kept sorted by base with zero exponents dropped, so equal dimensions
/// compare equal however they were built (`t_C/ha/a` and `t_C/(a*ha)` are the same).
public struct Dimension: Sendable, Hashable {
    /// One base raised to a non-zero integer exponent.
    public struct Power: Sendable, Hashable {
        /// The base quantity.
        public let base: Base
        /// Its exponent; never zero.
        public let exponent: Int
    }

    /// The non-zero powers, sorted by base.
    public let powers: [Power]

    /// The dimension `base^exponent`.
    public init(_ base: Base, exponent: Int = 1) {
        self.init(combining: [Power(base: base, exponent: exponent)])
    }

    private init(combining powers: [Power]) {
        var exponents: [Base: Int] = [:]
        for power in powers { exponents[power.base, default: 0] += power.exponent }
        self.powers = exponents
            .filter { $0.value != 0 }
            .map { Power(base: $0.key, exponent: $0.value) }
            .sorted { $0.base < $1.base }
    }

    /// No dimension: pure numbers, `1`, `%`, `‰`.
    public static let dimensionless = Dimension(combining: [])
    /// Money (`CNY`).
    public static let money = Dimension(.money)
    /// Energy (`J`).
    public static let energy = Dimension(.energy)
    /// Length (`m`).
    public static let length = Dimension(.length)
    /// Area, length² (`m2`, `ha`).
    public static let area = Dimension(.length, exponent: 2)
    /// Volume, length³ (`m3`, `L`).
    public static let volume = Dimension(.length, exponent: 3)
    /// Calendar years (`a`).
    public static let year = Dimension(.year)
    /// Days (`d`).
    public static let day = Dimension(.day)
    /// Clock time (`s`, `min`, `h`).
    public static let clockTime = Dimension(.second)

    /// Mass of `substance` (`"C"`, `"CO2"`, `"COD"`, …), or untagged mass when `nil` (`kg`).
    public static func mass(of substance: String? = nil) -> Dimension {
        Dimension(.mass(substance: substance))
    }

    /// A count of things of one `kind` (`"visit"`, `"person"`, `"head"`, `"culm"`, `"item"`).
    public static func count(of kind: String) -> Dimension {
        Dimension(.count(kind: kind))
    }

    /// The exponent of `base` in this dimension; 0 when absent.
    public func exponent(of base: Base) -> Int {
        powers.first { $0.base == base }?.exponent ?? 0
    }

    /// Whether money appears with a non-zero exponent (prices such as `CNY/t_CO2`, totals in `万元`),
    /// i.e. whether a value of this dimension is monetary and subject to price indexing.
    public var involvesMoney: Bool {
        exponent(of: .money) != 0
    }

    /// The dimension with every exponent multiplied by `exponent`.
    public func raised(to exponent: Int) -> Dimension {
        Dimension(combining: powers.map { Power(base: $0.base, exponent: $0.exponent * exponent) })
    }

    /// The product: exponents add.
    public static func * (lhs: Dimension, rhs: Dimension) -> Dimension {
        Dimension(combining: lhs.powers + rhs.powers)
    }

    /// The quotient: exponents subtract.
    public static func / (lhs: Dimension, rhs: Dimension) -> Dimension {
        lhs * rhs.raised(to: -1)
    }
}
