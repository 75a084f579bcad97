import GEPRaster

/// Burns zone polygons into a grid by the cell-centre rule of `gdal_rasterize` (without
/// `-at`): a cell takes a polygon's id when its centre lies inside the polygon's rings
/// (even–odd), features burnt in file order so a later one overwrites an earlier one.
///
/// The rule as GDAL 3.6 applies it (`alg/llrasterize.cpp`, `GDALdllImageFilledPolygon`), so
/// cells on a boundary fall the same way: vertices go to pixel coordinates through the inverse
/// geotransform (column = −x₀/w + x/w, row = y₀/h − y/h); for each row r from ⌊min row⌋ to
/// ⌊max row⌋ the scan line at r + 0.5 meets every edge with y₁ ≤ r + 0.5 < y₂ (y₁ < y₂) at
/// x, recorded as ⌊x + 0.5⌋; the sorted crossings pair up and cells ⌊x_a + 0.5⌋ ≤ c < ⌊x_b + 0.5⌋
/// are filled; a horizontal edge on the scan line is filled on its own when it is a bottom
/// edge of its ring (the ring's inside above it; `orientedForFill`). Checked cell for cell
/// against GDAL's output on the committed fixtures.
public enum PolygonRasterizer {
    /// The zone id of every cell of `geometry` (row-major; 0 where no polygon covers the
    /// centre), the polygons burnt in order.
    public static func burn(_ polygons: [ZonePolygon], onto geometry: GridGeometry) -> [Double] {
        let width = geometry.width, height = geometry.height
        var cells = [Double](repeating: 0, count: width * height)
        // GDAL's inverse of a north-up geotransform
        let inverse = (x0: -geometry.originX / geometry.cellWidth, x1: 1 / geometry.cellWidth,
                       y0: geometry.originY / geometry.cellHeight, y1: -1 / geometry.cellHeight)
        var crossings: [Int] = []
        for polygon in polygons {
            let rings = polygon.rings.map { ring in orientedForFill(ring.map { (x: inverse.x0 + $0.x * inverse.x1, y: inverse.y0 + $0.y * inverse.y1) }) }
            let ys = rings.joined().map(\.y)
            guard let minimum = ys.min(), let maximum = ys.max(), width > 0 else { continue }
            let firstRow = max(0, truncated(minimum)), lastRow = min(height - 1, truncated(maximum))
            guard firstRow <= lastRow else { continue }
            func fill(row: Int, from start: Int, to end: Int) {   // cells start..<end, clipped
                let a = max(0, start), b = min(width, end)
                guard a < b else { return }
                for column in a..<b { cells[row * width + column] = polygon.id }
            }
            for row in firstRow...lastRow {
                let scan = Double(row) + 0.5
                crossings.removeAll(keepingCapacity: true)
                for ring in rings where !ring.isEmpty {
                    for k in ring.indices {
                        let from = ring[k == 0 ? ring.count - 1 : k - 1], to = ring[k]
                        if (from.y < scan && to.y < scan) || (from.y > scan && to.y > scan) { continue }
                        if from.y == to.y {
                            // a horizontal edge on the scan line: filled when it runs right to left
                            if from.x > to.x { fill(row: row, from: nearest(to.x), to: nearest(from.x)) }
                            continue
                        }
                        let (low, high) = from.y < to.y ? (from, to) : (to, from)
                        guard scan >= low.y && scan < high.y else { continue }
                        let x = (scan - low.y) * (high.x - low.x) / (high.y - low.y) + low.x
                        crossings.append(nearest(x))
                    }
                }
                crossings.sort()
                var pair = 0
                while pair + 1 < crossings.count {
                    fill(row: row, from: crossings[pair], to: crossings[pair + 1])
                    pair += 2
                }
            }
        }
        return cells
    }

    /// `ring` (pixel coordinates) with a positive shoelace area, reversed if need be, so that a
    /// horizontal edge runs right to left exactly when the ring's inside lies above it: GDAL
    /// fills such bottom edges of every ring, outer or hole, whichever way the file winds it
    /// (seen in GDAL 3.6.2's output for both windings of squares, holes and stepped rings).
    static func orientedForFill(_ ring: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        var twiceArea = 0.0
        for k in ring.indices {
            let a = ring[k], b = ring[(k + 1) % ring.count]
            twiceArea += a.x * b.y - b.x * a.y
        }
        return twiceArea < 0 ? ring.reversed() : ring
    }

    /// C's `(int)` of `value` (toward zero), held within ±2^52 so any finite value converts.
    static func truncated(_ value: Double) -> Int {
        Int(max(-0x1p52, min(0x1p52, value)))
    }

    /// GDAL's `(int) floor(value + 0.5)`.
    static func nearest(_ value: Double) -> Int {
        truncated((value + 0.5).rounded(.down))
    }
}
