import Dispatch
import GEPCore
import GEPRaster

/// Checks that a layer's cells lie in the physical domain of its role (rainfall ≥ 0, PAWC in
/// [0, 1]…): the grid account's fold and the grid engine count cells outside while they
/// read the bands (`countOutside`, no extra pass) and, when there are any, re-read those
/// layers for the message (`problems`).
///
/// Nodata cells (the band's declared nodata, matched as InVEST matches it, and NaN) are not
/// checked. The rule is strict: any other cell outside the domain is an error naming the
/// layer, the number of such cells and the first few positions and values, because a
/// negative rainfall or a PAWC of 7 is a damaged or mis-scaled layer, not data to average
/// over. A user who means those cells to be left out sets them to the nodata value.
enum LayerDomainCheck {
    /// Positions listed per layer.
    static let listedCells = 5

    /// The closed `Float` range a domain admits: an open end moves one `Float` step inward,
    /// so `[0, inf)` is 0 … `Float.greatestFiniteMagnitude` and an infinite cell is outside.
    static func bounds(_ domain: CoefficientDomain) -> (low: Float, high: Float) {
        var low = Float(domain.lower), high = Float(domain.upper)
        if !domain.includesLower { low = low.nextUp }
        if !domain.includesUpper { high = high.nextDown }
        return (low, high)
    }

    /// How many of `count` cells lie outside `low…high` and are not nodata, in one branch-free
    /// pass the compiler vectorises: a cell counts when it is below `low` or above `high` and
    /// not inside the nodata rule's range (NaN fails every comparison: inside the domain).
    @inline(__always)
    static func countOutside(_ values: UnsafePointer<Float>, count: Int, low: Float, high: Float, nodata: NodataRule) -> Int {
        let (nodataLow, nodataHigh) = (nodata.low, nodata.high)
        var outside: UInt32 = 0
        for index in 0..<count {
            let value = values[index]
            let beyond = (value < low ? 1 : 0) | (value > high ? 1 : 0) as UInt32
            let missing = (value >= nodataLow ? 1 : 0) & (value <= nodataHigh ? 1 : 0) as UInt32
            outside &+= beyond & ~missing
        }
        return Int(outside)
    }

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
        let (low, high) = bounds(domain)
        var outside = 0
        var first: [(row: Int, column: Int, value: Float)] = []
        var start = 0
        while start < geometry.height {
            let rows = start..<min(geometry.height, start + rowsPerRead)
            try band.read(rows: rows, into: buffer)
            let count = rows.count * geometry.width
            if countOutside(buffer.baseAddress!, count: count, low: low, high: high, nodata: nodata) > 0 {
                for index in 0..<count {
                    let value = buffer[index]
                    guard value < low || value > high, !nodata.isNodata(value) else { continue }
                    outside += 1
                    if first.count < listedCells { first.append((rows.lowerBound + index / geometry.width, index % geometry.width, value)) }
                }
            }
            start = rows.upperBound
        }
        guard outside > 0 else { return nil }
        let cells = first.map { "row \($0.row), column \($0.column): \($0.value)" }.joined(separator: "; ")
        let more = outside > first.count ? "; …" : ""
        return Diagnostic(file: band.name, message: "layer \"\(role)\": \(outside) cell\(outside == 1 ? "" : "s") outside its domain \(domain) (\(cells)\(more)); fix the layer, or set cells to leave out to its nodata value\(band.nodata.map { " (\($0))" } ?? "")")
    }
}
