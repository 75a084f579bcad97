import Testing
import GEPCore
@testable import GEPGrid

/// The RFC 4180 CSV reader.
@Suite struct CSVTableTests {
    @Test func quotedFieldsBOMCRLFAndLineNumbers() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n\r\n2,\"multi\r\nline\",4,,\r\n5,6\n"
        let table = try CSVTable.parse(Array(text.utf8), file: "t.csv")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.headerLine == 1)
        #expect(table.records.map(\.line) == [2, 4, 6])
        #expect(table.records[0].fields == ["1", "x, \"y\"", "3"])
        #expect(table.records[1].fields == ["2", "multi\r\nline", "4"])
        #expect(table.records[2].fields == ["5", "6", ""], "a short record reads its missing fields as empty")
    }

    @Test func everySyntaxProblemIsListed() {
        let text = "a,b\n1,\"open\"x\n2,in\"side\n3,4,5\n6,\"never closed\n"
        let found = diagnostics { _ = try CSVTable.parse(Array(text.utf8), file: "t.csv") }
        #expect(found.map(\.description) == [
            "t.csv:2:9: text after a closing quote",
            "t.csv:3:5: a quote inside an unquoted field (quote the whole field and double the quote)",
            "t.csv:4: 3 fields, but the header has 2",
            "t.csv:5:3: quoted field is not closed before the end of the file",
        ])
    }

    @Test func anEmptyFileHasNoHeader() {
        #expect(diagnostics { _ = try CSVTable.parse(Array("\n\n".utf8), file: "e.csv") }.map(\.message) == ["the file has no header row"])
    }
}
