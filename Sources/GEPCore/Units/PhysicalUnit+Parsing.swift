extension PhysicalUnit {
    /// Parses a unit expression such as `CNY/t_CO2`, `t_C/ha/a`, `MJ*mm/(ha*h*a)`, `万元/hm2`.
    ///
    /// Factors are joined by `*`, `·` or `.`; `/` divides, left-associatively
    /// (`t_C/ha/a` = t_C·ha⁻¹·a⁻¹); parentheses group; `^n` raises a factor to an integer
    /// power; whitespace may surround operators; `1` is the only number allowed (`1/a`).
    /// `symbol` keeps `text` as written, trimmed of surrounding whitespace.
    /// - Throws: `UnitError.syntax` for malformed text, `UnitError.unknownSymbol` for a
    ///   symbol that names no unit.
    public init(parsing text: String) throws(UnitError) {
        var trimmed = Substring(text)
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        let symbol = String(trimmed)
        self.init(symbol: symbol, try UnitParser.parse(symbol))
    }
}

/// Recursive-descent parser over `UnitToken`s:
/// product := factor (("*" | "/") factor)*;  factor := primary ("^" integer)?;
/// primary := symbol | "1" | "(" product ")".
private struct UnitParser {
    /// The largest exponent magnitude a parsed unit may reach (guards `^` against overflow).
    private static let exponentLimit = 1000
    /// The deepest nesting of parentheses accepted (guards the recursion against stack
    /// overflow; real units nest one or two levels).
    static let nestingLimit = 64

    private let text: String
    private let tokens: [UnitToken]
    private var position = 0
    /// Parentheses open at the current position.
    private var depth = 0

    private init(text: String, tokens: [UnitToken]) {
        self.text = text
        self.tokens = tokens
    }

    static func parse(_ text: String) throws(UnitError) -> ScaledDimension {
        var parser = UnitParser(text: text, tokens: try UnitToken.tokens(of: text))
        let meaning = try parser.parseProduct(after: nil)
        if let extra = parser.next() { throw parser.unexpected(extra) }
        return meaning
    }

    private var peek: UnitToken? {
        position < tokens.count ? tokens[position] : nil
    }

    private mutating func next() -> UnitToken? {
        defer { position += 1 }
        return peek
    }

    /// Parses a product; `previous` is the token before it (`(`), or nil at the start.
    private mutating func parseProduct(after previous: UnitToken?) throws(UnitError) -> ScaledDimension {
        var meaning = try parseFactor(after: previous)
        while let token = peek {
            switch token {
            case .multiply:
                position += 1
                meaning = meaning * (try parseFactor(after: token))
            case .divide:
                position += 1
                meaning = meaning / (try parseFactor(after: token))
            default:
                return meaning
            }
        }
        return meaning
    }

    private mutating func parseFactor(after previous: UnitToken?) throws(UnitError) -> ScaledDimension {
        let meaning = try parsePrimary(after: previous)
        guard case let .exponent(exponent)? = peek else { return meaning }
        position += 1
        let largest = meaning.largestExponent
        guard largest == 0 || exponent.magnitude <= UInt(Self.exponentLimit / largest) else {
            throw .syntax("exponent \(exponent) is too large", in: text)
        }
        return meaning.raised(to: exponent)
    }

    private mutating func parsePrimary(after previous: UnitToken?) throws(UnitError) -> ScaledDimension {
        guard let token = next() else {
            throw .syntax(previous.map { "expected a unit after '\($0.text)'" } ?? "empty unit", in: text)
        }
        switch token {
        case let .symbol(symbol):
            return try UnitSymbols.resolve(symbol, in: text)
        case .number("1"):
            return .dimensionless
        case let .number(digits):
            throw .syntax("bare number \(digits) is not a unit", in: text)
        case .open:
            if peek == .close { throw .syntax("empty parentheses", in: text) }
            guard depth < Self.nestingLimit else {
                throw .syntax("parentheses nested deeper than \(Self.nestingLimit) levels", in: text)
            }
            depth += 1
            defer { depth -= 1 }
            let inner = try parseProduct(after: token)
            guard let closing = next() else { throw .syntax("unbalanced parenthesis: missing ')'", in: text) }
            guard closing == .close else { throw unexpected(closing) }
            return inner
        case .multiply, .divide, .close, .exponent:
            let message = previous.map { "expected a unit after '\($0.text)'" }
                ?? "expected a unit before '\(token.text)'"
            throw .syntax(message, in: text)
        }
    }

    /// The error for a token left over where an operator or the end was expected.
    private func unexpected(_ token: UnitToken) -> UnitError {
        token == .close
            ? .syntax("unbalanced parenthesis: unexpected ')'", in: text)
            : .syntax("missing operator before '\(token.text)'", in: text)
    }
}
