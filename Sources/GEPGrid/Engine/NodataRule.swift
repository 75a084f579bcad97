import GEPRaster

/// How a cell value is recognised as nodata, the way InVEST 3.20.2 recognises it.
///
/// pygeoprocessing 2.4.11 `array_equals_nodata` (geoprocessing.py L581-602) compares
/// floating-point rasters with `numpy.isclose(value, nodata, rtol=1e-5, atol=1e-8)`, that is
/// |value − nodata| ≤ 1e-8 + 1e-5·|nodata|, and integer rasters with `==`. The rule is reduced
/// once to the closed range of `Float` values it accepts, so the per-cell test is two
/// comparisons. NaN is always nodata (a deliberate departure: InVEST would let NaN through
/// and poison the sums).
struct NodataRule: Sendable {
    /// Smallest nodata value (`+inf` when the range is empty).
    let low: Float
    /// Largest nodata value (`-inf` when the range is empty).
    let high: Float

    /// The rule for `band`'s declared nodata and cell type.
    init(band: any RasterBand) {
        self.init(nodata: band.nodata, isFloatingPoint: band.dataType.isFloatingPoint)
    }

    /// The rule for a nodata value; `nil` means only NaN is nodata.
    init(nodata: Double?, isFloatingPoint: Bool) {
        guard let nodata, !nodata.isNaN else {
            (low, high) = (.infinity, -.infinity)
            return
        }
        let nearest = Float(nodata)
        guard isFloatingPoint, nearest.isFinite else {
            (low, high) = (nearest, nearest)
            return
        }
        let tolerance = 1e-8 + 1e-5 * abs(nodata)
        func accepts(_ value: Float) -> Bool { abs(Double(value) - nodata) <= tolerance }
        guard accepts(nearest) else {
            (low, high) = (.infinity, -.infinity)
            return
        }
        var low = Float(nodata - tolerance)
        while !accepts(low) { low = low.nextUp }
        while accepts(low.nextDown) { low = low.nextDown }
        var high = Float(nodata + tolerance)
        while !accepts(high) { high = high.nextDown }
        while accepts(high.nextUp) { high = high.nextUp }
        (self.low, self.high) = (low, high)
    }

    /// Whether `value` is nodata (or NaN): NaN fails both comparisons, so it lands inside.
    @inline(__always)
    func isNodata(_ value: Float) -> Bool {
        !(value < low || value > high)
    }
}
