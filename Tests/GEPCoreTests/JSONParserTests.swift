import Testing
@testable import GEPCore

/// The diagnostics a parse produces; empty when it succeeds.
private func diagnostics(_ bytes: [UInt8], file: String = "in.json") -> [Diagnostic] {
    do {
        _ = try JSONParser.parse(bytes, file: file)
        return []
    } catch {
        guard case let .invalidData(diagnostics) = error else { return [] }
        return diagnostics
    }
}

/// The diagnostics a parse of `text` produces; empty when it succeeds.
private func diagnostics(_ text: String) -> [Diagnostic] {
    diagnostics(Array(text.utf8))
}

/// One malformed document and the single diagnostic it must produce.
struct JSONSyntaxErrorCase: Sendable, CustomTestStringConvertible {
    let input: String
    let line: Int
    let column: Int
    let message: String
    var testDescription: String { input.debugDescription }
}

@Suite("JSONParser")
struct JSONParserTests {
    @Test("values and positions of nested values, columns counted in Unicode scalars")
    func nestedPositions() throws {
        let text = """
        {
          "名称": "丽水市",
          "a": [1, {"b": true}],
          "c": null
        }
        """
        let root = try JSONParser.parse(text, file: "in.json")
        #expect(root.position == SourcePosition(line: 1, column: 1))
        let members = try #require(root.members)
        #expect(members.map(\.key) == ["名称", "a", "c"])
        #expect(members[0].keyPosition == SourcePosition(line: 2, column: 3))
        #expect(members[0].value.position == SourcePosition(line: 2, column: 9))
        #expect(members[0].value.string == "丽水市")
        let array = try #require(root["a"])
        #expect(array.position == SourcePosition(line: 3, column: 8))
        let elements = try #require(array.elements)
        #expect(elements[0].position == SourcePosition(line: 3, column: 9))
        #expect(elements[0].double == 1)
        #expect(elements[1].position == SourcePosition(line: 3, column: 12))
        #expect(elements[1].members?[0].keyPosition == SourcePosition(line: 3, column: 13))
        #expect(elements[1]["b"]?.position == SourcePosition(line: 3, column: 18))
        #expect(elements[1]["b"]?.bool == true)
        #expect(root["c"]?.isNull == true)
        #expect(root["c"]?.position == SourcePosition(line: 4, column: 8))

        let oneLine = try JSONParser.parse(#"{"名称": "丽水", "x": 5}"#, file: "in.json")
        #expect(oneLine.members?[1].keyPosition == SourcePosition(line: 1, column: 14))
        #expect(oneLine["x"]?.position == SourcePosition(line: 1, column: 19))
    }

    @Test("an error after Chinese text on the same line is located by scalar column")
    func errorColumnAfterChineseText() {
        let found = diagnostics("{\"名称\": \"丽水\" x}")
        #expect(found == [Diagnostic(file: "in.json", line: 1, column: 13, message: "expected ',' or '}' after object member, found 'x'")])
    }

    @Test("CRLF and lone CR end lines")
    func lineEndings() {
        #expect(diagnostics("{\r\n  \"a\": x}").first?.line == 2)
        #expect(diagnostics("{\r\n  \"a\": x}").first?.column == 8)
        #expect(diagnostics("[\r1,\r\r x]").first.map { [$0.line, $0.column] } == [4, 2])
    }

    @Test("the diagnostic prints as file:line:column: message")
    func diagnosticDescription() {
        let found = diagnostics("[1 2]")
        #expect(found.map(\.description) == ["in.json:1:4: expected ',' or ']' after array element, found '2'"])
    }

    @Test(
        "syntax errors report one diagnostic at the exact place",
        arguments: [
            JSONSyntaxErrorCase(input: "{\"a\": 1 x}", line: 1, column: 9, message: "expected ',' or '}' after object member, found 'x'"),
            JSONSyntaxErrorCase(input: "{\"a\": 1,}", line: 1, column: 9, message: "expected a string key after ',', found '}' (trailing commas are not allowed)"),
            JSONSyntaxErrorCase(input: "[1, 2,]", line: 1, column: 7, message: "expected a value after ',', found ']' (trailing commas are not allowed)"),
            JSONSyntaxErrorCase(input: "{\"a\" 1}", line: 1, column: 6, message: "expected ':' after object key, found '1'"),
            JSONSyntaxErrorCase(input: "{1: 2}", line: 1, column: 2, message: "expected a string key or '}', found '1'"),
            JSONSyntaxErrorCase(input: "{'a': 1}", line: 1, column: 2, message: "expected a string key or '}', found \"'\" (JSON strings must use double quotes)"),
            JSONSyntaxErrorCase(input: "[1 // note\n]", line: 1, column: 4, message: "expected ',' or ']' after array element, found '/' (comments are not allowed in JSON)"),
            JSONSyntaxErrorCase(input: "[NaN]", line: 1, column: 2, message: "expected a value or ']', found 'NaN' (NaN and Infinity are not valid JSON)"),
            JSONSyntaxErrorCase(input: "{\"a\": Infinity}", line: 1, column: 7, message: "expected a value after ':', found 'Infinity' (NaN and Infinity are not valid JSON)"),
            JSONSyntaxErrorCase(input: "[-Infinity]", line: 1, column: 2, message: "invalid number '-Infinity': expected a digit after '-' (NaN and Infinity are not valid JSON)"),
            JSONSyntaxErrorCase(input: "{\"a\": tru}", line: 1, column: 7, message: "invalid literal 'tru': expected 'true'"),
            JSONSyntaxErrorCase(input: "[nulls]", line: 1, column: 2, message: "invalid literal 'nulls': expected 'null'"),
            JSONSyntaxErrorCase(input: "", line: 1, column: 1, message: "unexpected end of file: expected a JSON value"),
            JSONSyntaxErrorCase(input: "  \n   ", line: 2, column: 4, message: "unexpected end of file: expected a JSON value"),
            JSONSyntaxErrorCase(input: "{\"a\": 1} {}", line: 1, column: 10, message: "expected end of file after the top-level value, found '{'"),
            JSONSyntaxErrorCase(input: "[\n  1,\n  \"abc", line: 3, column: 7, message: "unexpected end of file: unterminated string started at line 3 column 3"),
            JSONSyntaxErrorCase(input: "{\"a\": [1, 2", line: 1, column: 12, message: "unexpected end of file: expected ',' or ']' after array element (array started at line 1 column 7)"),
            JSONSyntaxErrorCase(input: "{\n\"a\": 1,", line: 2, column: 8, message: "unexpected end of file: expected a string key after ',' (object started at line 1 column 1)"),
            JSONSyntaxErrorCase(input: "{\"a\":", line: 1, column: 6, message: "unexpected end of file: expected a value after ':'"),
            JSONSyntaxErrorCase(input: "{\"name\": \"abc\n}", line: 1, column: 14, message: "unescaped line break in string started at line 1 column 10 (missing closing quote?)"),
            JSONSyntaxErrorCase(input: "\"a\tb\"", line: 1, column: 3, message: "unescaped control character U+0009 in string"),
            JSONSyntaxErrorCase(input: "\"a\\xb\"", line: 1, column: 3, message: "invalid escape sequence: backslash followed by 'xb' (valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"),
            JSONSyntaxErrorCase(input: "\"\\u12G4\"", line: 1, column: 2, message: "invalid \\u escape: expected 4 hexadecimal digits after \\u, found 'G4'"),
            JSONSyntaxErrorCase(input: "\"\\u12", line: 1, column: 6, message: "unexpected end of file: unterminated string started at line 1 column 1"),
            JSONSyntaxErrorCase(input: "\"ab\\", line: 1, column: 5, message: "unexpected end of file: unterminated string started at line 1 column 1"),
            JSONSyntaxErrorCase(input: "[\"\\uD800\"]", line: 1, column: 3, message: "lone surrogate \\uD800 in string: a high surrogate must be followed by a low surrogate \\uDC00-\\uDFFF"),
            JSONSyntaxErrorCase(input: "\"x\\uD83D\\u0041\"", line: 1, column: 3, message: "lone surrogate \\uD83D in string: a high surrogate must be followed by a low surrogate \\uDC00-\\uDFFF"),
            JSONSyntaxErrorCase(input: "\"\\uDE00\"", line: 1, column: 2, message: "lone surrogate \\uDE00 in string: a low surrogate must follow a high surrogate \\uD800-\\uDBFF"),
            JSONSyntaxErrorCase(input: "[1，2]", line: 1, column: 3, message: "expected ',' or ']' after array element, found '，' (U+FF0C)"),
            JSONSyntaxErrorCase(input: "01", line: 1, column: 1, message: "invalid number '01': leading zeros are not allowed"),
            JSONSyntaxErrorCase(input: "[-007]", line: 1, column: 2, message: "invalid number '-007': leading zeros are not allowed"),
            JSONSyntaxErrorCase(input: "1.", line: 1, column: 1, message: "invalid number '1.': expected a digit after the decimal point"),
            JSONSyntaxErrorCase(input: "[1.e5]", line: 1, column: 2, message: "invalid number '1.e5': expected a digit after the decimal point"),
            JSONSyntaxErrorCase(input: "1e", line: 1, column: 1, message: "invalid number '1e': expected a digit in the exponent"),
            JSONSyntaxErrorCase(input: "1E+", line: 1, column: 1, message: "invalid number '1E+': expected a digit in the exponent"),
            JSONSyntaxErrorCase(input: "-", line: 1, column: 1, message: "invalid number '-': expected a digit after '-'"),
            JSONSyntaxErrorCase(input: "+1", line: 1, column: 1, message: "expected a JSON value, found '+'"),
            JSONSyntaxErrorCase(input: ".5", line: 1, column: 1, message: "expected a JSON value, found '.'"),
            JSONSyntaxErrorCase(input: "1.5.2", line: 1, column: 4, message: "expected end of file after the top-level value, found '.'"),
            JSONSyntaxErrorCase(input: "{\"a\":\n  1e400}", line: 2, column: 3, message: "number out of range: 1e400 does not fit in a double"),
            JSONSyntaxErrorCase(input: "-1e400", line: 1, column: 1, message: "number out of range: -1e400 does not fit in a double"),
        ]
    )
    func syntaxError(_ example: JSONSyntaxErrorCase) {
        let found = diagnostics(example.input)
        #expect(found == [Diagnostic(file: "in.json", line: example.line, column: example.column, message: example.message)])
    }

    @Test("invalid UTF-8 is rejected with a position")
    func invalidUTF8() {
        let quote = UInt8(ascii: "\"")
        let cases: [(bytes: [UInt8], column: Int, message: String)] = [
            ([quote, 0x61, 0xFF, quote], 3, "invalid UTF-8 byte 0xFF in string"),
            ([quote, 0xE4, 0xB8, 0xAD, 0xC0, 0x80, quote], 3, "invalid UTF-8 byte 0xC0 in string"),
            ([quote, 0xED, 0xA0, 0x80, quote], 2, "invalid UTF-8 byte 0xED in string"),
            ([quote, 0xF4, 0x90, 0x80, 0x80, quote], 2, "invalid UTF-8 byte 0xF4 in string"),
            ([quote, 0x80, quote], 2, "invalid UTF-8 byte 0x80 in string"),
            ([quote, 0xE4, 0xB8], 2, "invalid UTF-8 byte 0xE4 in string"),
            ([0xFF], 1, "expected a JSON value, found invalid UTF-8 byte 0xFF"),
        ]
        for example in cases {
            #expect(diagnostics(example.bytes) == [Diagnostic(file: "in.json", line: 1, column: example.column, message: example.message)])
        }
    }

    @Test("escapes, surrogate pairs and raw UTF-8 decode correctly")
    func escapes() throws {
        let text = #"["a\"b\\c\/d\b\f\n\r\t\u0041\u4e2D", "\uD83D\uDE00\ud83d\ude00", "丽水😀", "\u0000", ""]"#
        let strings = try #require(try JSONParser.parse(text, file: "in.json").elements?.map { $0.string })
        #expect(strings == ["a\"b\\c/d\u{8}\u{C}\n\r\tA中", "😀😀", "丽水😀", "\u{0}", ""])
    }

    @Test("a UTF-8 byte order mark is skipped and not counted as a column")
    func byteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let root = try JSONParser.parse(bom + Array("{\"a\": 1}".utf8), file: "in.json")
        #expect(root.position == SourcePosition(line: 1, column: 1))
        #expect(root["a"]?.position == SourcePosition(line: 1, column: 7))
        #expect(diagnostics(bom + Array("[1 x]".utf8)).first?.column == 4)
        #expect(diagnostics(bom + bom + Array("1".utf8)).first?.message == "expected a JSON value, found '\u{FEFF}' (U+FEFF)")
    }

    @Test("numbers: signs, fractions, exponents and underflow")
    func numbers() throws {
        let text = "[-0, 0, 1e-7, 1E+2, -12.5e-1, 0.1, 1e-400, 9007199254740993, 123456789012345678901234567890]"
        let numbers = try #require(try JSONParser.parse(text, file: "in.json").elements?.compactMap { $0.double })
        #expect(numbers.count == 9)
        #expect(numbers[0] == 0 && numbers[0].sign == .minus)
        #expect(numbers[1] == 0 && numbers[1].sign == .plus)
        #expect(numbers[2] == 1e-7)
        #expect(numbers[3] == 100)
        #expect(numbers[4] == -1.25)
        #expect(numbers[5] == 0.1)
        #expect(numbers[6] == 0)
        #expect(numbers[7] == 9_007_199_254_740_992)
        #expect(numbers[8] == 1.2345678901234568e29)
    }

    @Test("scalar documents and accessors")
    func accessors() throws {
        let root = try JSONParser.parse(#"{"n": 2.5, "s": "x", "b": false, "z": null, "a": [], "o": {}}"#, file: "in.json")
        #expect(root.kindName == "object")
        #expect(root.members?.map(\.value.kindName) == ["number", "string", "boolean", "null", "array", "object"])
        #expect(root["n"]?.double == 2.5)
        #expect(root["s"]?.double == nil)
        #expect(root["s"]?.string == "x")
        #expect(root["b"]?.bool == false)
        #expect(root["z"]?.isNull == true)
        #expect(root["n"]?.isNull == false)
        #expect(root["a"]?.elements?.isEmpty == true)
        #expect(root["a"]?.members == nil)
        #expect(root["o"]?.members?.isEmpty == true)
        #expect(root["missing"] == nil)
        #expect(root["a"]?["x"] == nil)
        #expect(try JSONParser.parse(" true ", file: "in.json").bool == true)
        #expect(try JSONParser.parse("\"t\"", file: "in.json").string == "t")
        #expect(try JSONParser.parse("\n\n  -3", file: "in.json").position == SourcePosition(line: 3, column: 3))
    }

    @Test("two duplicate keys give two diagnostics, in file order")
    func duplicateKeys() {
        let text = """
        {
          "area_ha": 1,
          "nested": {"k": 1, "k": 2},
          "area_ha": 2
        }
        """
        #expect(diagnostics(text) == [
            Diagnostic(file: "in.json", line: 3, column: 22, message: "duplicate key \"k\" (first at line 3 column 14)"),
            Diagnostic(file: "in.json", line: 4, column: 3, message: "duplicate key \"area_ha\" (first at line 2 column 3)"),
        ])
    }

    @Test("duplicate keys are found in large objects too, and a triple counts twice")
    func duplicateKeysInLargeObject() {
        let keys = (0..<20).map { "\"k\($0)\": \($0)" } + ["\"k3\": 0", "\"k19\": 0", "\"k3\": 1"]
        let found = diagnostics("{" + keys.joined(separator: ", ") + "}")
        #expect(found.map(\.message) == [
            "duplicate key \"k3\" (first at line 1 column 29)",
            "duplicate key \"k19\" (first at line 1 column 191)",
            "duplicate key \"k3\" (first at line 1 column 29)",
        ])
    }

    @Test("a syntax error is reported alone, even after duplicate keys")
    func syntaxErrorWinsOverDuplicates() {
        let found = diagnostics(#"{"a": 1, "a": 2, "b" 3}"#)
        #expect(found.map(\.message) == ["expected ':' after object key, found '3'"])
    }

    @Test("nesting is limited to 512 levels without overflowing the stack")
    func depthLimit() throws {
        let allowed = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try JSONParser.parse(allowed, file: "in.json").elements?.count == 1)
        let objects = String(repeating: "{\"a\":", count: 513) + "1" + String(repeating: "}", count: 513)
        #expect(diagnostics(objects) == [
            Diagnostic(file: "in.json", line: 1, column: 1 + 5 * 512, message: "nesting too deep: more than 512 levels of arrays and objects"),
        ])
        #expect(diagnostics(String(repeating: "[", count: 100_000)).first?.column == 513)
    }

    @Test("random and mutated input never traps, and whatever parses round-trips")
    func fuzz() {
        var random = XorShift(seed: 0x9E37_79B9_7F4A_7C15)
        let seeds = [
            #"{"county": "丽水市", "area_ha": 1729800.5, "services": [{"id": "water", "value": -1e-3}, true, null]}"#,
            #"[0, -0, 1e5, "\u00e9\uD83D\uDE00", {"a": {"b": [[], {}]}}, "tab\t"]"#,
            #""\\\"\/ ok""#,
        ].map { Array($0.utf8) }
        let alphabet = Array(#"{}[],:"\ -+.eE0123456789tfnrulsaxuD8C"#.utf8) + [0x09, 0x0A, 0x0D, 0x00, 0xE4, 0xB8, 0xAD, 0xFF, 0xC0, 0xED, 0xF0]
        var parsed = 0
        var rejected = 0
        for round in 0..<4000 {
            var bytes: [UInt8]
            if round % 4 == 0 {
                bytes = (0..<random.next(below: 40)).map { _ in random.pick(alphabet) }
            } else {
                bytes = random.pick(seeds)
                for _ in 0...random.next(below: 3) {
                    mutate(&bytes, using: &random, alphabet: alphabet)
                }
            }
            do {
                let node = try JSONParser.parse(bytes, file: "fuzz.json")
                parsed += 1
                let value = JSON(node)
                let reparsed = try? JSONParser.parse(JSONWriter.string(value), file: "again.json")
                #expect(reparsed.map(JSON.init) == value, "round trip failed for \(bytes)")
            } catch {
                rejected += 1
                guard case let .invalidData(found) = error else {
                    Issue.record("unexpected error kind for \(bytes)")
                    continue
                }
                #expect(!found.isEmpty && found.allSatisfy { ($0.line ?? 0) >= 1 && ($0.column ?? 0) >= 1 })
            }
        }
        #expect(parsed > 100)
        #expect(rejected > 100)
    }

    @Test("a megabyte document parses and keeps positions on long lines")
    func largeDocument() throws {
        let record = #"{"id": 12345, "name": "丽水市莲都区", "values": [1.5, -2e-3, true, null], "note": "a\nb"}"#
        let line = "[" + Array(repeating: record, count: 2000).joined(separator: ",") + "]"
        let text = Array(repeating: line, count: 5).joined(separator: ",\n")
        let root = try JSONParser.parse("[" + text + "]", file: "big.json")
        let lines = try #require(root.elements)
        #expect(lines.count == 5)
        let last = try #require(lines[4].elements?.last)
        let recordLength = record.unicodeScalars.count
        #expect(last.position == SourcePosition(line: 5, column: 2 + 1999 * (recordLength + 1)))
        #expect(last["name"]?.string == "丽水市莲都区")
    }
}

/// Changes `bytes` in one random way: overwrite, insert, delete, truncate or repeat a slice.
private func mutate(_ bytes: inout [UInt8], using random: inout XorShift, alphabet: [UInt8]) {
    guard !bytes.isEmpty else {
        bytes.append(random.pick(alphabet))
        return
    }
    let at = random.next(below: bytes.count)
    switch random.next(below: 6) {
    case 0: bytes[at] = random.pick(alphabet)
    case 1: bytes.insert(random.pick(alphabet), at: at)
    case 2: bytes.remove(at: at)
    case 3: bytes.removeSubrange(at...)
    case 4: bytes[at] = UInt8(truncatingIfNeeded: random.next(below: 256))
    default:
        let end = min(bytes.count, at + 1 + random.next(below: 12))
        bytes.insert(contentsOf: bytes[at..<end], at: random.next(below: bytes.count))
    }
}

/// A tiny deterministic xorshift64 generator for reproducible fuzzing.
private struct XorShift {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed == 0 ? 1 : seed
    }

    /// The next raw 64-bit value.
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    /// A value in `0..<bound`; `bound` must be positive.
    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A random element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[next(below: elements.count)]
    }
}
