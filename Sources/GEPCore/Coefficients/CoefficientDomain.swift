import Foundation

/// The values a coefficient can take at all — a share lies in [0, 1], a density is positive —
/// as opposed to its plausible low–high range. Values outside it are refused wherever they
/// enter: a set file, `--set`, a scenario's coefficient change, a sensitivity distribution.
///
/// Written in interval notation in the set files: `"[0, 1]"`, `"(0, inf)"`, `"[0, 100]"`;
/// a square bracket includes the bound, a round one excludes it; `inf` and `-inf` are the open ends.
public struct CoefficientDomain: Sendable, Hashable, CustomStringConvertible {
    /// Lower bound (−∞ when unbounded).
    public var lower: Double
    /// Whether `lower` itself is allowed.
    public var includesLower: Bool
    /// Upper bound (+∞ when unbounded).
    public var upper: Double
    /// Whether `upper` itself is allowed.
    public var includesUpper: Bool

    /// Reads interval notation; nil when `text` is not an interval with lower ≤ upper.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let open = trimmed.first, let close = trimmed.last, "[(".contains(open), "])".contains(close), trimmed.count >= 5 else { return nil }
        let parts = trimmed.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        func bound(_ part: String) -> Double? {
            switch part {
            case "inf", "+inf": .infinity
            case "-inf": -.infinity
            default: Double(part).flatMap { $0.isFinite ? $0 : nil }
            }
        }
        guard parts.count == 2, let lower = bound(parts[0]), let upper = bound(parts[1]), lower <= upper else { return nil }
        self.lower = lower
        self.upper = upper
        includesLower = open == "[" && lower.isFinite
        includesUpper = close == "]" && upper.isFinite
        guard lower < upper || (includesLower && includesUpper) else { return nil }
    }

    /// Whether `x` is in the domain (NaN never is).
    public func contains(_ x: Double) -> Bool {
        (includesLower ? x >= lower : x > lower) && (includesUpper ? x <= upper : x < upper)
    }

    /// Whether a distribution whose draws lie strictly between `low` and `high` (the ends of its
    /// support; ±∞ for unbounded ones) stays in the domain.
    public func covers(supportFrom low: Double, to high: Double) -> Bool {
        low >= lower && high <= upper
    }

    /// Interval notation, as written in the set files.
    public var description: String {
        func text(_ x: Double) -> String {
            x == .infinity ? "inf" : x == -.infinity ? "-inf" : x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        }
        return (includesLower ? "[" : "(") + text(lower) + ", " + text(upper) + (includesUpper ? "]" : ")")
    }
}
