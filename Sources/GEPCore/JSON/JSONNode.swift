/// A place in a source file, as a text editor shows it.
///
/// Both numbers are 1-based. The column counts Unicode scalars from the start of the
/// line (not UTF-8 bytes), so a line holding Chinese text reports the same column an
/// editor does. A UTF-8 byte order mark at the start of the file is not counted.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line L column C`, for use inside diagnostic messages.
    public var description: String { "line \(line) column \(column)" }
}

/// A parsed JSON value together with the position of its first character.
public struct JSONNode: Sendable {
    /// The value.
    public var value: JSONValue
    /// Where the value starts in the source.
    public var position: SourcePosition

    /// Creates a node.
    public init(value: JSONValue, position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

/// The content of a parsed JSON value; containers hold positioned nodes.
public enum JSONValue: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any JSON number, as the nearest `Double`.
    case number(Double)
    /// A string with its escapes resolved.
    case string(String)
    /// An array's elements, in file order.
    case array([JSONNode])
    /// An object's members in file order, duplicates included.
    case object([JSONMember])
}

/// One `"key": value` member of a parsed JSON object.
public struct JSONMember: Sendable {
    /// The key with its escapes resolved.
    public var key: String
    /// Where the key's opening quote is.
    public var keyPosition: SourcePosition
    /// The member's value.
    public var value: JSONNode

    /// Creates a member.
    public init(key: String, keyPosition: SourcePosition, value: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

extension JSONNode {
    /// The value of the first member named `key`; `nil` if absent or if this is not an object.
    public subscript(key: String) -> JSONNode? {
        guard case let .object(members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The members in file order; `nil` if this is not an object.
    public var members: [JSONMember]? {
        guard case let .object(members) = value else { return nil }
        return members
    }

    /// The elements in file order; `nil` if this is not an array.
    public var elements: [JSONNode]? {
        guard case let .array(elements) = value else { return nil }
        return elements
    }

    /// The number; `nil` for anything but a number.
    public var double: Double? {
        guard case let .number(number) = value else { return nil }
        return number
    }

    /// The string; `nil` for anything but a string.
    public var string: String? {
        guard case let .string(string) = value else { return nil }
        return string
    }

    /// The boolean; `nil` for anything but `true` or `false`.
    public var bool: Bool? {
        guard case let .bool(bool) = value else { return nil }
        return bool
    }

    /// Whether the value is `null`.
    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The kind of value for messages such as "expected a number, found a string":
    /// `null`, `boolean`, `number`, `string`, `array` or `object`.
    public var kindName: String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
