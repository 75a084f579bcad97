/// Locale-independent number text for reports: the same bytes on every machine.
public enum NumberText {
    /// `value` rounded to `decimals` places with `,` thousands separators, e.g. `1,234,567.89`.
    /// NaN and infinities print as `n/a`.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e18 else { return String(value) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        let fraction = units % UInt64(scale)
        var digits = String(whole)
        var groupedText = ""
        while digits.count > 3 {
            groupedText = "," + digits.suffix(3) + groupedText
            digits.removeLast(3)
        }
        groupedText = digits + groupedText
        if decimals > 0 {
            var fractionText = String(fraction)
            while fractionText.count < decimals { fractionText = "0" + fractionText }
            groupedText += "." + fractionText
        }
        return (value < 0 && units > 0 ? "-" : "") + groupedText
    }

    /// A physical quantity with sensible precision: integers from 100 up, else 4 significant digits.
    public static func quantity(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let magnitude = abs(value)
        if magnitude >= 100 || magnitude == 0 { return grouped(value, decimals: 0) }
        var decimals = 3
        var threshold = 1.0
        while magnitude < threshold && decimals < 12 { threshold /= 10; decimals += 1 }
        return grouped(value, decimals: min(decimals, 12))
    }

    /// Yuan in 万元 (10⁴ CNY) with two decimals.
    public static func wan(_ yuan: Double) -> String { grouped(yuan / 1e4, decimals: 2) }

    /// Yuan in 亿元 (10⁸ CNY) with two decimals.
    public static func yi(_ yuan: Double) -> String { grouped(yuan / 1e8, decimals: 2) }

    /// A share as a percentage with one decimal, e.g. `12.3 %`.
    public static func percent(_ share: Double) -> String { grouped(share * 100, decimals: 1) + " %" }
}
