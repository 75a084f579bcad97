extension Dimension {
    /// One independent base quantity.
    ///
    /// Masses of different substances, counts of different kinds, and the three time
    /// bases (year, day, clock seconds) are deliberately independent: no unit converts
    /// between them. The declaration order is the canonical order of a dimension's powers.
    public enum Base: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Money; coherent unit `CNY` (yuan, 元).
        case money
        /// Energy; coherent unit `J`.
        case energy
        /// Length; coherent unit `m`. Area and volume are its second and third powers.
        case length
        /// Mass of one substance; coherent unit `kg`. `nil` is untagged ("generic") mass,
        /// e.g. `t`; `"CO2"` is the mass of carbon dioxide, e.g. `t_CO2`.
        case mass(substance: String?)
        /// A number of things of one kind (`visit`, `person`, `head`, `culm`, `item`); unit 1 per thing.
        case count(kind: String)
        /// Clock time; coherent unit `s` (`min` = 60 s, `h` = 3600 s). Not convertible to days.
        case second
        /// Days; coherent unit `d`. Not convertible to years or seconds.
        case day
        /// Calendar years; coherent unit `a`.
        case year

        /// Orders bases by declaration order, then by substance or kind name.
        public static func < (lhs: Base, rhs: Base) -> Bool {
            (lhs.rank, lhs.name ?? "") < (rhs.rank, rhs.name ?? "")
        }

        /// Words for messages: "money", "energy", "length", "mass", "mass of CO2",
        /// "count of visit", "clock time", "day", "year".
        public var description: String {
            switch self {
            case .money: "money"
            case .energy: "energy"
            case .length: "length"
            case let .mass(substance): substance.map { "mass of \($0)" } ?? "mass"
            case let .count(kind): "count of \(kind)"
            case .second: "clock time"
            case .day: "day"
            case .year: "year"
            }
        }

        private var rank: Int {
            switch self {
            case .money: 0
            case .energy: 1
            case .length: 2
            case .mass: 3
            case .count: 4
            case .second: 5
            case .day: 6
            case .year: 7
            }
        }

        private var name: String? {
            switch self {
            case let .mass(substance): substance
            case let .count(kind): kind
            default: nil
            }
        }
    }
}
