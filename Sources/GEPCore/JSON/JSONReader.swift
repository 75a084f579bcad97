/// The working state of one ``JSONParser`` run: the bytes, a read index, the current
/// line, and the duplicate keys found so far.
///
/// Values are read by recursive descent; recursion is bounded by
/// ``JSONParser/maximumDepth``. Strings, numbers and positions live in extensions.
struct JSONReader {
    /// The whole document.
    let bytes: [UInt8]
    /// The file name for diagnostics.
    let file: String
    /// The next byte to read.
    var index = 0
    /// The 1-based line that `index` is on.
    var line = 1
    /// The offset of the first byte of the current line.
    var lineStart = 0
    /// The last offset whose column was computed, so that columns on long lines are
    /// counted incrementally rather than from the line start each time.
    var columnCheckpoint = (offset: 0, column: 1)
    /// Duplicate-key diagnostics, reported once the document has been read.
    var duplicates: [Diagnostic] = []

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Reads the single top-level value and checks that only whitespace follows it.
    mutating func readDocument() throws(GEPError) -> JSONNode {
        skipByteOrderMark()
        skipWhitespace()
        let node = try readValue(depth: 0, expecting: "a JSON value")
        skipWhitespace()
        if index < bytes.count {
            throw unexpected("end of file after the top-level value")
        }
        if !duplicates.isEmpty {
            throw .invalidData(duplicates)
        }
        return node
    }

    /// Reads one value starting at `index` (whitespace already skipped).
    /// `expectation` completes "expected …" when no value starts here.
    mutating func readValue(depth: Int, expecting expectation: String) throws(GEPError) -> JSONNode {
        guard index < bytes.count else { throw unexpected(expectation) }
        let start = position(at: index)
        let value: JSONValue
        switch bytes[index] {
        case UInt8(ascii: "{"): value = try readObject(start: start, depth: depth + 1)
        case UInt8(ascii: "["): value = try readArray(start: start, depth: depth + 1)
        case UInt8(ascii: "\""): value = .string(try readString(start: start))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try readNumber(start: start))
        case UInt8(ascii: "t"): try readLiteral("true", start: start); value = .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false", start: start); value = .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null", start: start); value = .null
        default: throw unexpected(expectation)
        }
        return JSONNode(value: value, position: start)
    }

    /// Reads an object whose `{` is at `index`.
    mutating func readObject(start: SourcePosition, depth: Int) throws(GEPError) -> JSONValue {
        try checkDepth(depth, start: start)
        index += 1
        skipWhitespace()
        var members: [JSONMember] = []
        var keys = KeyIndex()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        let opened = "object started at \(start)"
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                if members.isEmpty { throw unexpected("a string key or '}'", note: opened) }
                try rejectTrailingComma(before: UInt8(ascii: "}"), expecting: "a string key after ','")
                throw unexpected("a string key after ','", note: opened)
            }
            let keyPosition = position(at: index)
            let key = try readString(start: keyPosition)
            if let first = keys.record(key, at: keyPosition, after: members) {
                duplicates.append(diagnostic(at: keyPosition, "duplicate key \"\(key)\" (first at \(first))"))
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw unexpected("':' after object key", note: opened)
            }
            index += 1
            skipWhitespace()
            let value = try readValue(depth: depth, expecting: "a value after ':'")
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            switch index < bytes.count ? bytes[index] : nil {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default:
                throw unexpected("',' or '}' after object member", note: opened)
            }
        }
    }

    /// Reads an array whose `[` is at `index`.
    mutating func readArray(start: SourcePosition, depth: Int) throws(GEPError) -> JSONValue {
        try checkDepth(depth, start: start)
        index += 1
        skipWhitespace()
        var elements: [JSONNode] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        let opened = "array started at \(start)"
        while true {
            let expectation = elements.isEmpty ? "a value or ']'" : "a value after ','"
            guard index < bytes.count else { throw unexpected(expectation, note: opened) }
            if !elements.isEmpty {
                try rejectTrailingComma(before: UInt8(ascii: "]"), expecting: expectation)
            }
            elements.append(try readValue(depth: depth, expecting: expectation))
            skipWhitespace()
            switch index < bytes.count ? bytes[index] : nil {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default:
                throw unexpected("',' or ']' after array element", note: opened)
            }
        }
    }

    /// Fails with a trailing-comma hint when `closer` follows a comma.
    mutating func rejectTrailingComma(before closer: UInt8, expecting expectation: String) throws(GEPError) {
        guard index < bytes.count, bytes[index] == closer else { return }
        let found = Character(Unicode.Scalar(closer))
        throw failure(at: position(at: index), "expected \(expectation), found '\(found)' (trailing commas are not allowed)")
    }

    /// Fails when a container would nest deeper than ``JSONParser/maximumDepth``.
    func checkDepth(_ depth: Int, start: SourcePosition) throws(GEPError) {
        if depth > JSONParser.maximumDepth {
            throw failure(at: start, "nesting too deep: more than \(JSONParser.maximumDepth) levels of arrays and objects")
        }
    }
}
