import GEPCore

/// First-order and total Sobol' indices with optional bootstrap confidence intervals.
/// Arrays are indexed `[parameter][output]`.
public struct SobolIndices: Sendable, Equatable {
    /// First-order indices S1 (Saltelli 2010 estimator).
    public var firstOrder: [[Double]]
    /// Total-effect indices ST (Jansen 1999 estimator).
    public var total: [[Double]]
    /// Percentile bootstrap interval for S1 (empty when no bootstrap was requested).
    public var firstOrderInterval: [[ClosedRange<Double>]]
    /// Percentile bootstrap interval for ST (empty when no bootstrap was requested).
    public var totalInterval: [[ClosedRange<Double>]]
    /// Total output variance V (per output) estimated from A and B.
    public var variance: [Double]
}

/// Loads four consecutive doubles as a SIMD vector.
@inline(__always)
func loadSIMD4(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
}

/// Stores a SIMD vector into four consecutive doubles.
@inline(__always)
func storeSIMD4(_ p: UnsafeMutablePointer<Double>, _ v: SIMD4<Double>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
}

/// Writes the Saltelli/Jansen terms of row `j` into `t` (length 2K + 2DK): y_A + y_B [K],
/// y_A² + y_B² [K], y_B(y_{A_B^(i)} − y_A) [D·K], (y_A − y_{A_B^(i)})² [D·K], outputs centred
/// by `center` (the centring cancels in the differences, so raw outputs are differenced there).
func saltelliTerms(y: UnsafePointer<Double>, n: Int, d: Int, k: Int, center: UnsafePointer<Double>, row j: Int,
                   into t: UnsafeMutablePointer<Double>) {
    let ya = y + j * k, yb = y + (n + j) * k
    let sum = t, sq = t + k, s1 = sq + k, st = s1 + d * k
    for c in 0..<k {
        let ac = ya[c] - center[c], bc = yb[c] - center[c]
        sum[c] = ac + bc
        sq[c] = ac * ac + bc * bc
    }
    for i in 0..<d {
        let yab = y + ((2 + i) * n + j) * k
        for c in 0..<k {
            let diff = yab[c] - ya[c]
            s1[i * k + c] = (yb[c] - center[c]) * diff
            st[i * k + c] = diff * diff
        }
    }
}

/// Adds `weight` × `terms` (length `count`) to `acc`, four at a time.
@inline(__always)
func addWeighted(_ terms: UnsafePointer<Double>, weight: Double, count: Int, into acc: UnsafeMutablePointer<Double>) {
    let w4 = SIMD4(repeating: weight)
    var e = 0
    while e + 4 <= count {
        storeSIMD4(acc + e, loadSIMD4(acc + e) + w4 * loadSIMD4(terms + e))
        e += 4
    }
    while e < count {
        acc[e] += weight * terms[e]
        e += 1
    }
}

/// Accumulates the Saltelli/Jansen sums of rows `rows` into `acc`: each row's terms
/// (`saltelliTerms`, precomputed in `terms`, row-major from `rows.lowerBound`) weighted by its
/// multiplicity `w` (nil = all 1). Layout of `acc` (length 2K + 2DK + 1): the sums of the terms,
/// then W = Σw. Rows are visited in ascending order, so the sums for a given weight vector do
/// not depend on how rows are tiled.
func accumulateSaltelli(terms: UnsafePointer<Double>, length: Int, rows: Range<Int>, weights w: UnsafePointer<Int32>?,
                        acc: UnsafeMutablePointer<Double>) {
    var total = 0.0
    for j in rows {
        var wj = 1.0
        if let w {
            if w[j] == 0 { continue }
            wj = Double(w[j])
        }
        total += wj
        addWeighted(terms + (j - rows.lowerBound) * length, weight: wj, count: length, into: acc)
    }
    acc[length] += total
}

/// Turns accumulated sums into estimates. With W = Σw:
/// V = Σw(y_A² + y_B²)/(2W) − (Σw(y_A + y_B)/(2W))²,
/// S1ᵢ = [Σw·y_B(y_{A_B^(i)} − y_A)/W] / V (Saltelli et al. 2010),
/// STᵢ = [Σw(y_A − y_{A_B^(i)})²/(2W)] / V (Jansen 1999).
/// Writes S1 into `out[0..<DK]`, ST into `out[DK..<2DK]`, V into `out[2DK..<2DK+K]`.
func finishSaltelli(acc: UnsafePointer<Double>, d: Int, k: Int, out: UnsafeMutablePointer<Double>) {
    let sum = acc, sq = acc + k, s1 = sq + k, st = s1 + d * k
    let total = acc[2 * k + 2 * d * k]
    for c in 0..<k {
        let mean = sum[c] / (2 * total)
        let v = sq[c] / (2 * total) - mean * mean
        out[2 * d * k + c] = v
        for i in 0..<d {
            out[i * k + c] = (s1[i * k + c] / total) / v
            out[d * k + i * k + c] = (st[i * k + c] / (2 * total)) / v
        }
    }
}

/// Computes S1 and ST from the outputs of a ``SaltelliDesign``.
///
/// - Parameters:
///   - outputs: `N(D+2) × K` row-major outputs in design order (A, B, A_B^(1), …).
///   - bootstrap: number B of bootstrap resamples (0 = none). Each resample draws N row
///     indices with replacement (``SplitMix64`` seeded by `derivedSeed(seed, b)`), recomputes the
///     estimators and the interval is the percentile interval [q_{(1−c)/2}, q_{(1+c)/2}]
///     (Efron & Tibshirani 1993). Resamples run on `threads` threads; results do not depend on it.
///   - confidence: interval level c.
/// Outputs are centred by their A∪B mean before estimation (as in SALib), which leaves the
/// estimands unchanged and reduces estimator variance.
public func sobolIndices(outputs: [Double], baseSamples n: Int, dimension d: Int, outputCount k: Int,
                         bootstrap: Int = 0, confidence: Double = 0.95, seed: UInt64 = 0,
                         threads: Int = 1) -> SobolIndices {
    precondition(outputs.count == n * (d + 2) * k, "outputs must be N(D+2) × K")
    let stride = 2 * d * k + k
    var point = [Double](repeating: 0, count: stride)
    var center = [Double](repeating: 0, count: k)
    for j in 0..<(2 * n) { for c in 0..<k { center[c] += outputs[j * k + c] } }
    for c in 0..<k { center[c] /= Double(2 * n) }
    var boot = [Double](repeating: 0, count: bootstrap * stride)
    let accCount = 2 * k + 2 * d * k + 1
    outputs.withUnsafeBufferPointer { y in
        center.withUnsafeBufferPointer { m in
            let length = accCount - 1, tile = 128
            let acc = UnsafeMutablePointer<Double>.allocate(capacity: accCount)
            let terms = UnsafeMutablePointer<Double>.allocate(capacity: tile * length)
            defer { acc.deallocate(); terms.deallocate() }
            acc.initialize(repeating: 0, count: accCount)
            for lo in Swift.stride(from: 0, to: n, by: tile) {
                let rows = lo..<min(n, lo + tile)
                for j in rows { saltelliTerms(y: y.baseAddress!, n: n, d: d, k: k, center: m.baseAddress!, row: j, into: terms + (j - lo) * length) }
                accumulateSaltelli(terms: terms, length: length, rows: rows, weights: nil, acc: acc)
            }
            point.withUnsafeMutableBufferPointer { finishSaltelli(acc: acc, d: d, k: k, out: $0.baseAddress!) }
            guard bootstrap > 0 else { return }
            let ys = SharedPointer(base: UnsafeMutablePointer(mutating: y.baseAddress!))
            let ms = SharedPointer(base: UnsafeMutablePointer(mutating: m.baseAddress!))
            boot.withUnsafeMutableBufferPointer { bb in
                let bs = SharedPointer(base: bb.baseAddress!)
                // Each worker owns resamples b ≡ w (mod workers) and sweeps the rows once, tile by
                // tile: a tile's terms are computed once and added, weighted, into every resample's
                // sums (cache-friendly); per-resample sums are still accumulated in ascending row
                // order, so results do not depend on `threads`.
                let workers = max(1, min(threads, bootstrap))
                parallelFor(chunks: workers, threads: workers) { w in
                    let mine = Array(Swift.stride(from: w, to: bootstrap, by: workers))
                    let counts = UnsafeMutablePointer<Int32>.allocate(capacity: mine.count * n)
                    let accs = UnsafeMutablePointer<Double>.allocate(capacity: mine.count * accCount)
                    let tileTerms = UnsafeMutablePointer<Double>.allocate(capacity: tile * length)
                    defer { counts.deallocate(); accs.deallocate(); tileTerms.deallocate() }
                    counts.initialize(repeating: 0, count: mine.count * n)
                    accs.initialize(repeating: 0, count: mine.count * accCount)
                    for (slot, r) in mine.enumerated() {
                        var g = SplitMix64(seed: SplitMix64.derivedSeed(seed, r))
                        let cr = counts + slot * n
                        for _ in 0..<n { cr[g.nextIndex(below: n)] += 1 }
                    }
                    for lo in Swift.stride(from: 0, to: n, by: tile) {
                        let rows = lo..<min(n, lo + tile)
                        for j in rows { saltelliTerms(y: ys.base, n: n, d: d, k: k, center: ms.base, row: j, into: tileTerms + (j - lo) * length) }
                        for slot in 0..<mine.count {
                            accumulateSaltelli(terms: tileTerms, length: length, rows: rows, weights: counts + slot * n, acc: accs + slot * accCount)
                        }
                    }
                    for (slot, r) in mine.enumerated() {
                        finishSaltelli(acc: accs + slot * accCount, d: d, k: k, out: bs.base + r * stride)
                    }
                }
            }
        }
    }
    func grid(_ offset: Int) -> [[Double]] {
        (0..<d).map { i in (0..<k).map { point[offset + i * k + $0] } }
    }
    func intervals(_ offset: Int) -> [[ClosedRange<Double>]] {
        guard bootstrap > 0 else { return [] }
        let lo = (1 - confidence) / 2, hi = (1 + confidence) / 2
        return (0..<d).map { i in
            (0..<k).map { c in
                // An output with no variance has undefined indices (NaN): its interval is unbounded.
                let s = (0..<bootstrap).map { boot[$0 * stride + offset + i * k + c] }.filter(\.isFinite).sorted()
                guard !s.isEmpty else { return -Double.infinity...Double.infinity }
                return quantile(sorted: s, lo)...quantile(sorted: s, hi)
            }
        }
    }
    return SobolIndices(firstOrder: grid(0), total: grid(d * k),
                        firstOrderInterval: intervals(0), totalInterval: intervals(d * k),
                        variance: Array(point[(2 * d * k)...]))
}

/// Full Saltelli analysis: builds the ``SaltelliDesign`` (N(D+2) runs), evaluates the model
/// (``evaluateBatch(_:design:threads:)``) and estimates S1/ST with bootstrap intervals.
///
/// The A and B rows are evaluated before the A_B^(i) rows, so a model that reuses work between
/// runs sharing inputs (the grid account refolds only what changed) finds every A row done
/// when A_B^(i) differs from it in one input. Each row is independent; the order does not
/// change the outputs.
public func sobolAnalysis<M: SensitivityModel>(_ model: M, distributions: [Distribution], baseSamples n: Int,
                                               bootstrap: Int = 0, confidence: Double = 0.95,
                                               seed: UInt64 = 0, threads: Int = 1) -> SobolIndices {
    precondition(distributions.count == model.dimension, "one distribution per input")
    let design = SaltelliDesign(distributions: distributions, baseSamples: n)
    let rows = n * (model.dimension + 2)
    var y = [Double](repeating: 0, count: rows * model.outputCount)
    evaluateRows(model, design: design.matrix, rows: 0..<(2 * n), into: &y, threads: threads)
    evaluateRows(model, design: design.matrix, rows: (2 * n)..<rows, into: &y, threads: threads)
    return sobolIndices(outputs: y, baseSamples: n, dimension: model.dimension, outputCount: model.outputCount,
                        bootstrap: bootstrap, confidence: confidence, seed: seed, threads: threads)
}
