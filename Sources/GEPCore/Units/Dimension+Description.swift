extension Dimension: CustomStringConvertible {
    /// Words for error messages: positive powers joined by " · ", then each negative power
    /// after " / ", e.g. "money / mass of CO2", "mass of C / area / year",
    /// "mass · clock time / energy / length", "1 / year", "dimensionless".
    /// Length², length³ read "area", "volume"; other powers read like "year^2".
    public var description: String {
        let numerator = powers.filter { $0.exponent > 0 }.map { Self.phrase($0.base, $0.exponent) }
        let denominator = powers.filter { $0.exponent < 0 }.map { Self.phrase($0.base, -$0.exponent) }
        if numerator.isEmpty && denominator.isEmpty { return "dimensionless" }
        let top = numerator.isEmpty ? "1" : numerator.joined(separator: " · ")
        return ([top] + denominator).joined(separator: " / ")
    }

    private static func phrase(_ base: Base, _ exponent: Int) -> String {
        switch (base, exponent) {
        case (_, 1): return base.description
        case (.length, 2): return "area"
        case (.length, 3): return "volume"
        default:
            let words = base.description
            return words.contains(" ") ? "(\(words))^\(exponent)" : "\(words)^\(exponent)"
        }
    }
}
