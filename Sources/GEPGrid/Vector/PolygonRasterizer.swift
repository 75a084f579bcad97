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
    public static func burn(_ polygons: [ZonePolygon], onto geometry: GridGeometry, allTouched: Bool = false) -> [Double] {
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
            if allTouched {
                for ring in rings where ring.count > 1 {
                    for k in ring.indices { touch(from: ring[k == 0 ? ring.count - 1 : k - 1], to: ring[k], width: width, height: height) { cells[$0] = polygon.id } }
                }
            }
            for row in firstRow...lastRow {
                let scan = Double(row) + 0.5
                crossings.removeAll(keepingCapacity: true)
                for ring in rings where !ring.isEmpty {
                    for k in ring.indices {
                        let from = ring[k == 0 ? ring.count - 1 : k - 1], to = ring[k]
                        if (from.y < scan && to.y < scan) || (from.y > scan && to.y > scan) { continue }
                        if from.y == to.y {
                            // a horizontal edge on the scan line: filled when it runs right to left,
                            // which in a ring oriented by `orientedForFill` is a bottom edge
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

    /// Calls `burn` with the index of every cell the segment `a`–`b` (pixel coordinates)
    /// passes through, as GDAL 3.6.2's `gdal_rasterize -at` draws a ring: a segment within one
    /// column or one row burns the cells from ⌊low⌋ to ⌊high⌋ of it, none when it lies along a
    /// grid line (within 10⁻⁸ of a cell); any other is walked left to right, cell by cell,
    /// stepping to the next column when the line stays in its row there, otherwise to the next
    /// row (at least 10⁻⁹ of a cell, GDAL's guard against standing still).
    static func touch(from a: (x: Double, y: Double), to b: (x: Double, y: Double), width: Int, height: Int, burn: (Int) -> Void) {
        let w = Double(width), h = Double(height)
        if (a.y < 0 && b.y < 0) || (a.y > h && b.y > h) || (a.x < 0 && b.x < 0) || (a.x > w && b.x > w) { return }
        var (x, y, xEnd, yEnd) = a.x <= b.x ? (a.x, a.y, b.x, b.y) : (b.x, b.y, a.x, a.y)
        func mark(_ column: Int, _ row: Int) {
            if column >= 0, column < width, row >= 0, row < height { burn(row * width + column) }
        }
        // a segment along a grid line touches no cell's inside: skipped (GDAL's "intersect only")
        func onGridLine(_ a: Double, _ b: Double) -> Bool { abs(a - a.rounded()) < 1e-8 && abs(b - b.rounded()) < 1e-8 }
        if x.rounded(.down) == xEnd.rounded(.down) {
            if onGridLine(x, xEnd) { return }
            let column = truncated(x.rounded(.down))
            let (low, high) = y <= yEnd ? (y, yEnd) : (yEnd, y)
            let first = max(0, truncated(low.rounded(.down))), last = min(height - 1, truncated(high.rounded(.down)))
            if first <= last { for row in first...last { mark(column, row) } }
            return
        }
        if y.rounded(.down) == yEnd.rounded(.down) {
            if onGridLine(y, yEnd) { return }
            let row = truncated(y.rounded(.down))
            let first = max(0, truncated(x.rounded(.down))), last = min(width - 1, truncated(xEnd.rounded(.down)))
            if first <= last { for column in first...last { mark(column, row) } }
            return
        }
        let slope = (yEnd - y) / (xEnd - x)
        if xEnd > w { yEnd -= (xEnd - w) * slope; xEnd = w }
        if x < 0 { y += (0 - x) * slope; x = 0 }
        if yEnd > y {
            if y < 0 { x += (0 - y) / slope; y = 0 }
            if yEnd >= h { xEnd += (yEnd - h) / slope; yEnd = h }
        } else {
            if y >= h { x += (h - y) / slope; y = h }
            if yEnd < 0 { xEnd -= (yEnd - 0) / slope; yEnd = 0 }
        }
        while x < xEnd {
            let column = truncated(x.rounded(.down)), row = truncated(y.rounded(.down))
            mark(column, row)
            var stepX = (x + 1).rounded(.down) - x
            var stepY = stepX * slope
            if truncated((y + stepY).rounded(.down)) != row {
                stepY = slope < 0 ? min(Double(row) - y, -1e-9) : max(Double(row + 1) - y, 1e-9)
                stepX = stepY / slope
            }
            x += stepX
            y += stepY
        }
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
