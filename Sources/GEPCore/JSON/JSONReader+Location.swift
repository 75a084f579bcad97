/// Whitespace, line and column tracking, and error construction.
extension JSONReader {
    /// Skips a UTF-8 byte order mark at the very start; columns start after it.
    mutating func skipByteOrderMark() {
        guard bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF else { return }
        index = 3
        lineStart = 3
        columnCheckpoint = (offset: 3, column: 1)
    }

    /// Skips JSON whitespace, counting lines. `\n`, `\r\n` and a lone `\r` each end a line.
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                beginLine()
            case UInt8(ascii: "\r"):
                index += 1
                if index >= bytes.count || bytes[index] != UInt8(ascii: "\n") { beginLine() }
            default:
                return
            }
        }
    }

    /// Records that a new line starts at `index`.
    private mutating func beginLine() {
        line += 1
        lineStart = index
    }

    /// The position of the byte at `offset`, which must be on the current line.
    ///
    /// The column counts Unicode scalars: every byte that is not a UTF-8 continuation
    /// byte starts one. Counting resumes from the previous call when it was earlier on
    /// the same line, so reading a long line stays linear.
    mutating func position(at offset: Int) -> SourcePosition {
        var (from, column) = columnCheckpoint
        if from < lineStart || from > offset {
            from = lineStart
            column = 1
        }
        while from < offset {
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        columnCheckpoint = (offset: offset, column: column)
        return SourcePosition(line: line, column: column)
    }

    /// A diagnostic for this file at `position`.
    func diagnostic(at position: SourcePosition, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: position.line, column: position.column, message: message)
    }

    /// A parse failure with one diagnostic at `position`.
    func failure(at position: SourcePosition, _ message: String) -> GEPError {
        .invalidData([diagnostic(at: position, message)])
    }

    /// A failure at `index` saying what was expected and what was found instead.
    /// At end of file, `note` (such as where the open container started) is added.
    mutating func unexpected(_ expectation: String, note: String? = nil) -> GEPError {
        let here = position(at: index)
        guard index < bytes.count else {
            let suffix = note.map { " (\($0))" } ?? ""
            return failure(at: here, "unexpected end of file: expected \(expectation)\(suffix)")
        }
        let (found, hint) = describe(at: index)
        let suffix = hint.map { " (\($0))" } ?? ""
        return failure(at: here, "expected \(expectation), found \(found)\(suffix)")
    }

    /// How to show the input at `offset` in a message, and a hint for common mistakes.
    func describe(at offset: Int) -> (found: String, hint: String?) {
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            let word = self.word(at: offset)
            let hint = word == "NaN" || word == "Infinity" ? "NaN and Infinity are not valid JSON" : nil
            return ("'\(word)'", hint)
        case UInt8(ascii: "/"):
            return ("'/'", "comments are not allowed in JSON")
        case UInt8(ascii: "'"):
            return ("\"'\"", "JSON strings must use double quotes")
        case 0x20...0x7E:
            return ("'\(Character(Unicode.Scalar(byte)))'", nil)
        case 0x00..<0x20, 0x7F:
            return ("control character \(Self.codePoint(UInt32(byte)))", nil)
        default:
            guard let length = utf8SequenceLength(at: offset) else {
                return ("invalid UTF-8 byte 0x\(Self.hex(UInt32(byte), digits: 2))", nil)
            }
            let text = String(decoding: bytes[offset..<offset + length], as: UTF8.self)
            let value = text.unicodeScalars.first?.value ?? 0
            return ("'\(text)' (\(Self.codePoint(value)))", nil)
        }
    }

    /// The run of ASCII letters, digits and underscores at `offset`, shortened if long.
    func word(at offset: Int) -> String {
        token(at: offset, where: Self.isWordByte)
    }

    /// Whether `byte` is an ASCII letter, digit or underscore.
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    /// The run of bytes matching `belongs` at `offset`, at most 32 of them, with `…`
    /// appended when the run is longer.
    func token(at offset: Int, where belongs: (UInt8) -> Bool) -> String {
        var end = offset
        while end < bytes.count, belongs(bytes[end]) { end += 1 }
        let shown = min(end, offset + 32)
        let text = String(decoding: bytes[offset..<shown], as: UTF8.self)
        return shown < end ? text + "…" : text
    }

    /// `U+XXXX` notation for a code point.
    static func codePoint(_ value: UInt32) -> String {
        "U+" + hex(value, digits: 4)
    }

    /// Upper-case hexadecimal, zero-padded to at least `digits` digits.
    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
