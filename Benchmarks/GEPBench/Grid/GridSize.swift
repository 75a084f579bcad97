import Foundation

/// A grid size of the synthetic benchmark grids: columns × rows.
struct GridSize: Hashable, Comparable, CustomStringConvertible {
    var columns: Int
    var rows: Int

    /// 256², 1024², 1600² (the size of the quoted InVEST and numpy figures) and 4096².
    static let defaults = [256, 1024, 1600, 4096].map { GridSize(columns: $0, rows: $0) }

    var cells: Int { columns * rows }
    /// `1024x1024`: columns x rows, as used in case ids.
    var description: String { "\(columns)x\(rows)" }

    static func < (a: GridSize, b: GridSize) -> Bool { (a.cells, a.columns) < (b.cells, b.columns) }

    /// Parses `256,1024,2000x1000`: a bare number is a square.
    static func parseList(_ text: String) throws(UsageError) -> [GridSize] {
        var sizes: [GridSize] = []
        for item in text.split(separator: ",") {
            let parts = item.lowercased().split(separator: "x").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(parts.count), parts.allSatisfy({ ($0 ?? 0) >= 16 }) else {
                throw UsageError("invalid size '\(item)' in --sizes (expected N or COLSxROWS, each at least 16)")
            }
            sizes.append(GridSize(columns: parts[0]!, rows: parts.last!!))
        }
        guard !sizes.isEmpty else { throw UsageError("--sizes needs at least one size") }
        return Array(Set(sizes)).sorted()
    }
}
