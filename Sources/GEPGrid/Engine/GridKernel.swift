/// A fused per-cell computation that `GridEngine` runs over row bands.
///
/// `process` is called concurrently for different bands, each with its own accumulator; it
/// must not throw (nodata and bad codes are handled per cell and counted). For every row it
/// adds one record per run of equal zone keys to the accumulator and then calls `endRow()`.
/// Keep the kernel and its loop in this module so the loop is specialised.
public protocol GridKernel: Sendable {
    /// The per-zone sums the kernel produces.
    associatedtype Record: ZoneRecord
    /// How many per-cell output rasters the kernel writes when outputs are requested.
    var outputCount: Int { get }
    /// Computes one band: reads `band.layers` and `band.zones`, writes `band.outputs` when
    /// non-empty, and accumulates per-zone records into `accumulator`.
    func process(_ band: GridBand, into accumulator: inout BandAccumulator<Record>)
}
