import Dispatch
import GEPCore
import GEPRaster

/// Checks that a layer's cells lie in the physical domain of its role (rainfall ≥ 0, PAWC in
/// [0, 1]…) before any model uses them.
///
/// Nodata cells (the band's declared nodata, matched as InVEST matches it, and NaN) are not
/// checked. The rule is strict: any other cell outside the domain is an error naming the
/// layer, the number of such cells and the first few positions and values, because a
/// negative rainfall or a PAWC of 7 is a damaged or mis-scaled layer, not data to average
/// over. A user who means those cells to be left out sets them to the nodata value.
enum LayerDomainCheck {
    /// Positions listed per layer.
    static let listedCells = 5

    /// One problem per layer with cells outside its domain, or none.
    ///
    /// - Parameter layers: Each band with its role's name and domain.
    /// - Throws: Read errors of the bands.
    static func problems(_ layers: [(role: String, band: any RasterBand, domain: CoefficientDomain)]) throws(GEPError) -> [Diagnostic] {
        let results = ResultSlots<Diagnostic?>(count: layers.count)
        DispatchQueue.concurrentPerform(iterations: layers.count) { index in
            let (role, band, domain) = layers[index]
            results.store(index, Result { () throws(GEPError) in try problem(role: role, band: band, domain: domain) })
        }
        var problems: [Diagnostic] = []
        for index in layers.indices {
            switch results.take(index) {
            case let .success(problem): if let problem { problems.append(problem) }
            case let .failure(error): throw error
            }
        }
        return problems
    }

    /// The problem with one band, streamed a few block rows at a time.
    static func problem(role: String, band: any RasterBand, domain: CoefficientDomain) throws(GEPError) -> Diagnostic? {
        let geometry = band.geometry
        let nodata = NodataRule(band: band)
        let rowsPerRead = max(1, band.blockHeight) * max(1, 256 / max(1, band.blockHeight))
        let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: rowsPerRead * geometry.width)
        defer { buffer.deallocate() }
        var outside = 0
        var first: [(row: Int, column: Int, value: Float)] = []
        var start = 0
        while start < geometry.height {
            let rows = start..<min(geometry.height, start + rowsPerRead)
            try band.read(rows: rows, into: buffer)
            for index in 0..<rows.count * geometry.width {
                let value = buffer[index]
                if nodata.isNodata(value) || domain.contains(Double(value)) { continue }
                outside += 1
                if first.count < listedCells { first.append((rows.lowerBound + index / geometry.width, index % geometry.width, value)) }
            }
            start = rows.upperBound
        }
        guard outside > 0 else { return nil }
        let cells = first.map { "row \($0.row), column \($0.column): \($0.value)" }.joined(separator: "; ")
        let more = outside > first.count ? "; …" : ""
        return Diagnostic(file: band.name, message: "layer \"\(role)\": \(outside) cell\(outside == 1 ? "" : "s") outside its domain \(domain) (\(cells)\(more)); fix the layer, or set cells to leave out to its nodata value\(band.nodata.map { " (\($0))" } ?? "")")
    }
}
