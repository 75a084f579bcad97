/// The price level an account's money values are expressed in.
///
/// `current` values every price at the accounting year's price level; `constant(y)` values
/// every price at year `y`'s level, which is what year-on-year GEP growth must be compared
/// at (the physical change alone then moves the total).
public enum PriceBasis: Sendable, Hashable, CustomStringConvertible {
    /// Prices of the accounting year.
    case current
    /// Prices of a fixed year.
    case constant(Int)

    /// Parses `current` or `constant:YYYY` (four digits; whether the price index has a level
    /// for the year is checked where the index is known).
    public init?(parsing text: String) {
        if text == "current" { self = .current; return }
        let prefix = "constant:"
        let digits = text.dropFirst(prefix.count)
        guard text.hasPrefix(prefix), digits.count == 4, digits.allSatisfy(\.isASCII), let year = Int(digits) else { return nil }
        self = .constant(year)
    }

    /// The year whose price level is used when accounting for `accountingYear`.
    public func priceYear(accountingYear: Int) -> Int {
        switch self {
        case .current: accountingYear
        case let .constant(year): year
        }
    }

    /// `current` or `constant:YYYY`.
    public var description: String {
        switch self {
        case .current: "current"
        case let .constant(year): "constant:\(year)"
        }
    }
}
