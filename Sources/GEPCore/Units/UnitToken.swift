/// One lexical token of a unit expression.
enum UnitToken: Sendable, Equatable {
    /// A run of letters, ASCII digits, `_`, `%` or `‰` that is not all digits: `t_CO2`, `km2`, `万元`.
    case symbol(String)
    /// A run of ASCII digits: only `1` is a unit.
    case number(String)
    /// `*`, `·` or `.`.
    case multiply(Character)
    /// `/`.
    case divide
    /// `(`.
    case open
    /// `)`.
    case close
    /// `^n` with n a signed integer.
    case exponent(Int)

    /// The token as it would be written, for messages.
    var text: String {
        switch self {
        case let .symbol(symbol): symbol
        case let .number(digits): digits
        case let .multiply(character): String(character)
        case .divide: "/"
        case .open: "("
        case .close: ")"
        case let .exponent(exponent): "^\(exponent)"
        }
    }

    /// Splits trimmed unit `text` into tokens, skipping whitespace between them.
    /// - Throws: `UnitError.syntax` for a character that cannot occur in a unit, or `^`
    ///   without an integer.
    static func tokens(of text: String) throws(UnitError) -> [UnitToken] {
        var tokens: [UnitToken] = []
        var rest = Substring(text)
        while let character = rest.first {
            if character.isWhitespace {
                rest.removeFirst()
            } else if isSymbolCharacter(character) {
                let run = rest.prefix(while: isSymbolCharacter)
                rest = rest.dropFirst(run.count)
                tokens.append(run.allSatisfy(isDigit) ? .number(String(run)) : .symbol(String(run)))
            } else {
                rest.removeFirst()
                switch character {
                case "*", "·", ".": tokens.append(.multiply(character))
                case "/": tokens.append(.divide)
                case "(": tokens.append(.open)
                case ")": tokens.append(.close)
                case "^": tokens.append(.exponent(try exponent(after: &rest, in: text)))
                default: throw .syntax("unexpected character '\(character)'", in: text)
                }
            }
        }
        return tokens
    }

    /// Reads the signed integer after `^`, allowing whitespace before it.
    private static func exponent(after rest: inout Substring, in text: String) throws(UnitError) -> Int {
        rest = rest.drop { $0.isWhitespace }
        var digits = ""
        if let sign = rest.first, sign == "-" || sign == "+" {
            digits.append(sign)
            rest.removeFirst()
        }
        let run = rest.prefix(while: isDigit)
        rest = rest.dropFirst(run.count)
        guard !run.isEmpty, let exponent = Int(digits + run) else {
            throw .syntax("expected an integer exponent after '^'", in: text)
        }
        return exponent
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    private static func isSymbolCharacter(_ character: Character) -> Bool {
        character.isLetter || isDigit(character) || character == "_" || character == "%" || character == "‰"
    }
}
