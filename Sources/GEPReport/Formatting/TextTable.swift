/// A plain-text table with aligned columns. Widths count display columns: CJK characters
/// take two, so Chinese labels line up in a terminal.
public struct TextTable {
    /// Column alignment.
    public enum Alignment: Sendable { case left, right }

    /// Column headers.
    public var headers: [String]
    /// One alignment per column.
    public var alignments: [Alignment]
    /// Rows; an empty row is drawn as a separator line.
    public var rows: [[String]] = []

    /// Creates an empty table.
    public init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    /// Adds a row (missing cells are blank).
    public mutating func add(_ cells: [String]) { rows.append(cells + Array(repeating: "", count: max(0, headers.count - cells.count))) }

    /// Adds a separator line.
    public mutating func separator() { rows.append([]) }

    /// The rendered table, each line ending in a newline.
    public func render() -> String {
        var widths = headers.map(Self.width)
        for row in rows where !row.isEmpty {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], Self.width(cell)) }
        }
        let total = widths.reduce(0, +) + 2 * (widths.count - 1)
        var out = line(headers, widths) + String(repeating: "─", count: total) + "\n"
        for row in rows { out += row.isEmpty ? String(repeating: "─", count: total) + "\n" : line(row, widths) }
        return out
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        var parts: [String] = []
        for (index, width) in widths.enumerated() {
            let cell = index < cells.count ? cells[index] : ""
            let pad = String(repeating: " ", count: max(0, width - Self.width(cell)))
            parts.append(alignments[index] == .left ? cell + pad : pad + cell)
        }
        var text = parts.joined(separator: "  ")
        while text.hasSuffix(" ") { text.removeLast() }
        return text + "\n"
    }

    /// Display width: East Asian wide characters count two columns.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return sum + (wide ? 2 : 1)
        }
    }
}
