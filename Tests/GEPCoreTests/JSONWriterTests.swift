import Testing
@testable import GEPCore

@Suite("JSONWriter")
struct JSONWriterTests {
    /// A small nested value used by the layout tests.
    private let sample: JSON = [
        "b": [1, 2.5, "x"],
        "a": ["z": nil, "y": true],
        "c": [],
        "d": [:],
    ]

    @Test("pretty output: sorted keys, two-space indent, empty containers inline, final newline")
    func prettyLayout() {
        let expected = """
        {
          "a": {
            "y": true,
            "z": null
          },
          "b": [
            1,
            2.5,
            "x"
          ],
          "c": [],
          "d": {}
        }

        """
        #expect(JSONWriter.string(sample) == expected)
    }

    @Test("compact output has no whitespace at all")
    func compactLayout() {
        #expect(JSONWriter.string(sample, pretty: false) == #"{"a":{"y":true,"z":null},"b":[1,2.5,"x"],"c":[],"d":{}}"#)
        #expect(JSONWriter.string(["k": "a b"], pretty: false) == #"{"k":"a b"}"#)
    }

    @Test("scalars at the top level")
    func scalars() {
        #expect(JSONWriter.string(nil) == "null\n")
        #expect(JSONWriter.string(false, pretty: false) == "false")
        #expect(JSONWriter.string([], pretty: false) == "[]")
        #expect(JSONWriter.string([:]) == "{}\n")
    }

    @Test("keys are sorted by their UTF-8 bytes")
    func keyOrder() {
        let value: JSON = ["中": 1, "é": 2, "aa": 3, "a": 4, "_": 5, "B": 6, "": 7]
        #expect(JSONWriter.string(value, pretty: false) == #"{"":7,"B":6,"_":5,"a":4,"aa":3,"é":2,"中":1}"#)
    }

    @Test("equal values give byte-identical text whatever order they were built in")
    func determinism() {
        var first: [String: JSON] = [:]
        var second: [String: JSON] = [:]
        let keys = (0..<200).map { "key\($0)" }
        for key in keys { first[key] = .string(key) }
        for key in keys.reversed() { second[key] = .string(key) }
        #expect(JSON.object(first) == JSON.object(second))
        #expect(JSONWriter.string(.object(first)) == JSONWriter.string(.object(second)))
    }

    @Test(
        "number formatting",
        arguments: [
            (0.0, "0"), (-0.0, "0"), (42, "42"), (-7, "-7"), (0.1, "0.1"), (6.11, "6.11"),
            (-2.5, "-2.5"), (1.5e-7, "1.5e-07"), (1e20, "1e+20"), (123_456.789, "123456.789"),
            (999_999_999_999_999, "999999999999999"), (-999_999_999_999_999, "-999999999999999"),
            (1e15, "1000000000000000.0"), (1e16, "1e+16"), (Double.leastNonzeroMagnitude, "5e-324"),
            (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
            (Double.nan, "null"), (Double.infinity, "null"), (-Double.infinity, "null"),
        ] as [(Double, String)]
    )
    func numberFormatting(_ number: Double, _ text: String) throws {
        #expect(JSONWriter.formatNumber(number) == text)
        #expect(JSONWriter.string(.number(number), pretty: false) == text)
        if number.isFinite {
            let parsed = try JSONParser.parse(text, file: "number.json").double
            #expect(parsed == number)
        }
    }

    @Test("strings escape quotes, backslashes and control characters only")
    func stringEscaping() {
        let value = JSON.string("a\"b\\c/d\n\t\r\u{8}\u{C}\u{1}\u{1F}\u{7F}丽水😀")
        #expect(JSONWriter.string(value, pretty: false) == #""a\"b\\c/d\n\t\r\b\f\u0001\u001F"# + "\u{7F}丽水😀\"")
    }

    @Test("literals build the expected cases")
    func literals() {
        let value: JSON = ["n": 1, "f": 1.5, "s": "x", "b": true, "z": nil, "a": [1]]
        #expect(value == .object([
            "n": .number(1), "f": .number(1.5), "s": .string("x"),
            "b": .bool(true), "z": .null, "a": .array([.number(1)]),
        ]))
    }

    @Test("converting a node drops positions and keeps the last of duplicate keys")
    func fromNode() {
        let here = SourcePosition(line: 1, column: 1)
        let node = JSONNode(value: .object([
            JSONMember(key: "k", keyPosition: here, value: JSONNode(value: .number(1), position: here)),
            JSONMember(key: "k", keyPosition: here, value: JSONNode(value: .array([JSONNode(value: .null, position: here)]), position: here)),
        ]), position: here)
        #expect(JSON(node) == ["k": [nil]])
    }

    @Test("parse, convert, write and parse again gives the same value")
    func roundTrip() throws {
        let text = #"""
        {
          "county": "丽水市", "year": 2023, "area_ha": 1729800.25,
          "coefficients": {"k": 1e-7, "big": 1.2345678901234567e+300, "neg": -0.0, "third": 0.3333333333333333},
          "flags": [true, false, null, [], {}],
          "note": "line\nbreak \"quoted\" \\ \/ \u0001 \uD83D\uDE00"
        }
        """#
        let first = JSON(try JSONParser.parse(text, file: "in.json"))
        for pretty in [true, false] {
            let written = JSONWriter.string(first, pretty: pretty)
            let second = JSON(try JSONParser.parse(written, file: "out.json"))
            #expect(second == first)
            #expect(JSONWriter.string(second, pretty: pretty) == written)
        }
    }
}

@Suite("CSVWriter")
struct CSVWriterTests {
    @Test("fields are quoted only when needed, with quotes doubled")
    func quoting() {
        let record = CSVWriter.record(["a", "b,c", "say \"hi\"", "line\nbreak", "crlf\r\n", "中文", "", " x "])
        #expect(record == "a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",\"crlf\r\n\",中文,, x \n")
    }

    @Test("a quote followed by a combining mark is still doubled")
    func combiningMark() {
        #expect(CSVWriter.record(["\"\u{301}"]) == "\"\"\"\u{301}\"\n")
    }

    @Test("empty records")
    func empty() {
        #expect(CSVWriter.record([]) == "\n")
        #expect(CSVWriter.record([""]) == "\n")
    }
}
