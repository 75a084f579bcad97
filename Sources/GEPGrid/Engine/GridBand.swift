import GEPCore

/// The decoded rows of one band, handed to a kernel: every input layer, the zone ids and
/// (when per-cell outputs were asked for) the output rows to fill.
///
/// All buffers are row-major with `rows.count × width` cells and are valid only during the
/// kernel call.
public struct GridBand {
    /// The grid rows this band covers.
    public let rows: Range<Int>
    /// Columns per row.
    public let width: Int
    /// The input layers, in the order the kernel expects them.
    public let layers: [UnsafeBufferPointer<Float>]
    /// Zone ids as stored, read exactly as Double (all 0 when the run has no zone layer).
    public let zones: UnsafeBufferPointer<Double>
    /// The zone layers of a `BandFold`, exactly as Double (`zones` is the first, or empty).
    let zoneLayers: [ZoneRows]
    /// Per-cell output buffers, `kernel.outputCount` of them; empty when outputs are not wanted.
    public let outputs: [UnsafeMutableBufferPointer<Float>]

    /// `rows.count × width`.
    public var cellCount: Int { rows.count * width }
}

/// Finished per-cell output rows, delivered in row order.
///
/// The buffers are valid only during the callback; copy or write them out before returning.
public struct GridRows {
    /// The grid rows.
    public let rows: Range<Int>
    /// Columns per row.
    public let width: Int
    /// One buffer per kernel output, `rows.count × width` values each, row-major.
    public let outputs: [UnsafeBufferPointer<Float>]
}

/// Receives per-cell output rows in row order; a thrown error stops the run and is rethrown.
public typealias GridRowsHandler = (GridRows) throws(GEPError) -> Void
