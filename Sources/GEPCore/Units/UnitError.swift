/// Why a unit could not be parsed or a value could not be converted.
public enum UnitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A symbol that names no unit; `in` is the whole unit text, `suggestion` a likely intended symbol.
    case unknownSymbol(String, in: String, suggestion: String?)
    /// Malformed unit text (`in`), e.g. "empty unit", "unbalanced parenthesis: missing ')'",
    /// "bare number 1000 is not a unit".
    case syntax(String, in: String)
    /// A conversion between units of different dimensions, e.g. `CNY/t_C` to `CNY/t_CO2`.
    case incompatible(from: PhysicalUnit, to: PhysicalUnit)

    /// A one-line message naming the offending text and, where possible, a fix.
    public var description: String {
        switch self {
        case let .unknownSymbol(symbol, text, suggestion):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "unknown unit symbol '\(symbol.echoed())' in '\(text.echoed())'\(hint)"
        case let .syntax(message, text):
            return "invalid unit '\(text.echoed())': \(message)"
        case let .incompatible(from, to):
            return "cannot convert \(from.symbol) (\(from.dimension)) to \(to.symbol) (\(to.dimension)): different dimensions"
        }
    }
}
