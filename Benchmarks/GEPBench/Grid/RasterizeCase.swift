import Foundation
import GEPCore
import GEPGrid
import GEPRaster

/// `rasterize.townships`: burning 40 township polygons (a 5 × 8 patchwork of jittered
/// quadrilaterals, every side cut into 50 wiggling vertices: 8,000 vertices, as digitised
/// boundaries have) onto the grid by the cell-centre rule, on one thread.
enum RasterizeCase {
    static func make(size: GridSize) -> BenchmarkCase {
        let geometry = GridGeometry(width: size.columns, height: size.rows, originX: 0, originY: Double(size.rows) * 30,
                                    cellWidth: 30, cellHeight: 30, epsg: 32650)
        let polygons = townships(geometry)
        return .grid("rasterize.townships", size: size, threads: 1, note: "40 polygons, 8,000 vertices, cell-centre rule", setUp: {}) {
            let cells = PolygonRasterizer.burn(polygons, onto: geometry)
            return cells[cells.count / 2]
        }
    }

    /// The patchwork: corner points on a 6 × 9 lattice jittered by up to a fifth of a patch,
    /// shared by neighbouring patches, so the townships tile the grid without gaps.
    static func townships(_ geometry: GridGeometry) -> [ZonePolygon] {
        var random = SplitMix64(seed: 2023)
        let (across, down) = (8, 5)
        let width = Double(geometry.width) * geometry.cellWidth, height = Double(geometry.height) * geometry.cellHeight
        func jitter(_ extent: Double) -> Double { (Double(random.next() % 1000) / 1000 - 0.5) * 0.4 * extent }
        var corners: [[ZonePolygon.Point]] = []
        for j in 0...down {
            corners.append((0...across).map { i in
                let x = Double(i) / Double(across) * width + (i == 0 || i == across ? 0 : jitter(width / Double(across)))
                let y = Double(j) / Double(down) * height + (j == 0 || j == down ? 0 : jitter(height / Double(down)))
                return ZonePolygon.Point(x: geometry.originX + x, y: geometry.originY - y)
            })
        }
        func side(_ a: ZonePolygon.Point, _ b: ZonePolygon.Point) -> [ZonePolygon.Point] {
            (0..<50).map { k in
                let t = Double(k) / 50, wiggle = k == 0 ? 0 : sin(Double(k) * 1.7) * 20
                return ZonePolygon.Point(x: a.x + (b.x - a.x) * t + wiggle, y: a.y + (b.y - a.y) * t - wiggle)
            }
        }
        var polygons: [ZonePolygon] = []
        for j in 0..<down {
            for i in 0..<across {
                let (a, b, c, d) = (corners[j][i], corners[j][i + 1], corners[j + 1][i + 1], corners[j + 1][i])
                polygons.append(ZonePolygon(id: Double(441_623_100_000 + 1000 * (j * across + i)), name: nil,
                                            rings: [side(a, b) + side(b, c) + side(c, d) + side(d, a)]))
            }
        }
        return polygons
    }
}
