/// Sample quantile by linear interpolation between order statistics
/// (Hyndman & Fan 1996, definition 7): h = (n − 1)p, Q = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋).
/// `sorted` must be in ascending order and non-empty.
public func quantile(sorted: [Double], _ p: Double) -> Double {
    precondition(!sorted.isEmpty, "quantile of an empty sample")
    let h = Double(sorted.count - 1) * min(max(p, 0), 1)
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, sorted.count - 1)
    return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
}

/// Summary statistics of one output.
public struct OutputSummary: Sendable, Equatable {
    /// Sample mean ȳ = (1/N)Σy.
    public var mean: Double
    /// Sample standard deviation √(Σ(y − ȳ)²/(N − 1)).
    public var sd: Double
    /// 5th percentile (Hyndman–Fan type 7).
    public var p5: Double
    /// Median.
    public var p50: Double
    /// 95th percentile.
    public var p95: Double

    /// Computes the summary of a sample (two-pass mean/variance). A sample holding NaN (a
    /// failed run) has every statistic NaN: percentiles of a sample with holes would mislead.
    public init(sample: [Double]) {
        if sample.contains(where: \.isNaN) {
            (mean, sd, p5, p50, p95) = (.nan, .nan, .nan, .nan, .nan)
            return
        }
        (mean, sd) = Self.moments(sample)
        let s = sample.sorted()
        p5 = quantile(sorted: s, 0.05)
        p50 = quantile(sorted: s, 0.5)
        p95 = quantile(sorted: s, 0.95)
    }

    /// Mean and standard deviation, two-pass. When the sums overflow Double (outputs near
    /// 1e300 whose squares or sum exceed 1.8e308) they are computed again on the sample divided
    /// by its largest magnitude and scaled back, so finite outputs always give finite moments.
    static func moments(_ sample: [Double]) -> (mean: Double, sd: Double) {
        func twoPass(_ values: [Double]) -> (Double, Double) {
            let n = Double(values.count)
            let m = values.reduce(0, +) / n
            let ss = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
            return (m, values.count > 1 ? (ss / (n - 1)).squareRoot() : 0)
        }
        let plain = twoPass(sample)
        guard !(plain.0.isFinite && plain.1.isFinite), let scale = sample.map(\.magnitude).max(), scale.isFinite, scale > 0 else { return plain }
        let scaled = twoPass(sample.map { $0 / scale })
        return (scaled.0 * scale, scaled.1 * scale)
    }
}
