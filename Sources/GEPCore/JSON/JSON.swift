/// A JSON value to write, without source positions.
///
/// Objects are dictionaries: ``JSONWriter`` sorts their keys, so equal values always
/// produce the same text. Build values with literals, for example
/// `let value: JSON = ["name": "Lishui", "area_ha": 1_729_800, "tags": ["forest", nil]]`.
public indirect enum JSON: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number; non-finite values are written as `null`.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSON])
    /// An object; key order is irrelevant because the writer sorts keys.
    case object([String: JSON])
}

extension JSON {
    /// The value of a parsed node, dropping positions. Of duplicate keys the last wins.
    public init(_ node: JSONNode) {
        switch node.value {
        case .null:
            self = .null
        case let .bool(bool):
            self = .bool(bool)
        case let .number(number):
            self = .number(number)
        case let .string(string):
            self = .string(string)
        case let .array(elements):
            self = .array(elements.map(JSON.init))
        case let .object(members):
            var object: [String: JSON] = [:]
            object.reserveCapacity(members.count)
            for member in members {
                object[member.key] = JSON(member.value)
            }
            self = .object(object)
        }
    }
}

extension JSON: ExpressibleByNilLiteral {
    /// `nil` is `null`.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension JSON: ExpressibleByBooleanLiteral {
    /// `true` and `false`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension JSON: ExpressibleByIntegerLiteral {
    /// An integer literal becomes a number.
    public init(integerLiteral value: Int) {
        self = .number(Double(value))
    }
}

extension JSON: ExpressibleByFloatLiteral {
    /// A floating-point literal becomes a number.
    public init(floatLiteral value: Double) {
        self = .number(value)
    }
}

extension JSON: ExpressibleByStringLiteral {
    /// A string literal becomes a string.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension JSON: ExpressibleByArrayLiteral {
    /// An array literal becomes an array.
    public init(arrayLiteral elements: JSON...) {
        self = .array(elements)
    }
}

extension JSON: ExpressibleByDictionaryLiteral {
    /// A dictionary literal becomes an object; of repeated keys the last wins.
    public init(dictionaryLiteral elements: (String, JSON)...) {
        var object: [String: JSON] = [:]
        for (key, value) in elements {
            object[key] = value
        }
        self = .object(object)
    }
}
