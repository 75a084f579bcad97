import GEPCore
import GEPGrid
import GEPRaster

/// A water-yield layer computed on demand from each cell's row and column: no storage, the
/// same values on every read, any size. Used to stream grids far larger than memory.
///
/// Cells outside the ellipse inscribed in the grid (about 21 %) are nodata in every layer.
/// Inside: land cover in 16 × 16-cell patches drawn with Lianping's class shares
/// (`SyntheticLianping.landCoverShares`); precipitation 1,900–2,131 mm rising to the south;
/// ET0 1,100–1,200 mm rising to the east; soil depth 500–2,000 mm and PAWC 0.08–0.2 in
/// diagonal ramps; 8 sub-watersheds as a 4 × 2 block grid.
final class ProceduralBand: RasterBand {
    /// Which layer the band computes.
    enum Field: String, CaseIterable {
        case landCover = "lulc", precipitation = "precip", referenceET = "eto", soilDepth = "depth_to_root_rest_layer"
        case pawc, subwatersheds = "subws_id"
    }

    let field: Field
    let name: String
    let geometry: GridGeometry
    let dataType: RasterDataType
    let nodata: Double?
    let blockHeight = 256
    /// Cumulative class shares and their codes, for the patch draw.
    private let thresholds: [(upTo: Float, code: Float)]

    init(_ field: Field, columns: Int, rows: Int) {
        self.field = field
        name = "procedural:\(field.rawValue)"
        geometry = GridGeometry(width: columns, height: rows, originX: SyntheticLianping.originX, originY: SyntheticLianping.originY,
                                cellWidth: SyntheticLianping.cellSize, cellHeight: SyntheticLianping.cellSize, epsg: SyntheticLianping.epsg)
        let integer = field == .landCover || field == .subwatersheds
        dataType = integer ? .int32 : .float32
        nodata = field == .landCover ? -1 : field == .subwatersheds ? 0 : -9999
        var total: Float = 0
        thresholds = SyntheticLianping.landCoverShares.sorted { $0.key < $1.key }.map { code, share in
            total += Float(share)
            return (total, Float(code))
        }
    }

    func read(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Float>) throws(GEPError) {
        let width = geometry.width
        precondition(rows.lowerBound >= 0 && rows.upperBound <= geometry.height && buffer.count >= rows.count * width)
        for (offset, row) in rows.enumerated() {
            fill(row: row, into: UnsafeMutableBufferPointer(rebasing: buffer[(offset * width)..<((offset + 1) * width)]))
        }
    }

    /// The `Float` values of `read(rows:into:)`, widened to `Double`.
    func readDoubles(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) throws(GEPError) {
        let values = UnsafeMutableBufferPointer<Float>.allocate(capacity: rows.count * geometry.width)
        defer { values.deallocate() }
        try read(rows: rows, into: values)
        for index in values.indices { buffer[index] = Double(values[index]) }
    }

    /// The columns of `row` inside the ellipse.
    private func inside(row: Int) -> Range<Int> {
        let width = Double(geometry.width), height = Double(geometry.height)
        let y = (Double(row) + 0.5 - height / 2) / (height / 2)
        guard y * y < 1 else { return 0..<0 }
        let half = (1 - y * y).squareRoot() * width / 2
        let start = max(0, Int((width / 2 - half).rounded())), end = min(geometry.width, Int((width / 2 + half).rounded()))
        return start..<max(start, end)
    }

    private func fill(row: Int, into values: UnsafeMutableBufferPointer<Float>) {
        let width = geometry.width, height = geometry.height
        let columns = inside(row: row)
        let missing = Float(nodata!)
        for column in 0..<columns.lowerBound { values[column] = missing }
        for column in columns.upperBound..<width { values[column] = missing }
        switch field {
        case .landCover:
            var column = columns.lowerBound
            while column < columns.upperBound {
                let patchEnd = min(columns.upperBound, (column / 16 + 1) * 16)
                let draw = unitFraction(cellHash(UInt64(row / 16) << 32 | UInt64(column / 16)))
                let code = thresholds.first { draw < $0.upTo }?.code ?? thresholds.last!.code
                for c in column..<patchEnd { values[c] = code }
                column = patchEnd
            }
        case .precipitation:
            let base = 1900 + 200 * Float(row) / Float(height)
            for c in columns { values[c] = base + Float(c & 31) }
        case .referenceET:
            for c in columns { values[c] = 1100 + 100 * Float(c) / Float(width) }
        case .soilDepth:
            for c in columns { values[c] = 500 + 1500 * Float((row + c) & 1023) / 1023 }
        case .pawc:
            for c in columns { values[c] = 0.08 + 0.12 * Float((7 * row + 3 * c) & 127) / 127 }
        case .subwatersheds:
            let band = Float(4 * (2 * row / height))
            for c in columns { values[c] = 1 + band + Float(4 * c / width) }
        }
    }
}
