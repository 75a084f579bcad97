/// Evaluates `model` on each row of a row-major design matrix.
///
/// - Parameters:
///   - design: `rows × model.dimension` inputs, row-major.
///   - threads: worker threads (`DispatchQueue.concurrentPerform`); each row is computed
///     independently, so the output is bit-identical for every thread count.
/// - Returns: `rows × model.outputCount` outputs, row-major.
public func evaluateBatch<M: SensitivityModel>(_ model: M, design: [Double], threads: Int = 1) -> [Double] {
    let d = model.dimension
    precondition(d > 0 && design.count % d == 0, "design size must be a multiple of the dimension")
    var out = [Double](repeating: 0, count: design.count / d * model.outputCount)
    evaluateRows(model, design: design, rows: 0..<(design.count / d), into: &out, threads: threads)
    return out
}

/// Evaluates `model` on rows `rows` of `design`, writing their outputs into `out`
/// (`rows × outputCount`, row-major, for the whole design).
func evaluateRows<M: SensitivityModel>(_ model: M, design: [Double], rows: Range<Int>, into out: inout [Double], threads: Int) {
    let d = model.dimension, k = model.outputCount
    // Up to 1,024 rows per chunk, but at least 4 chunks per thread, so that a small batch of
    // costly runs (grid accounts) still spreads over every thread; chunks stay runs of
    // consecutive rows, so a model that reuses work between neighbouring rows (a Morris
    // trajectory changes one input per row) finds it.
    let chunk = max(1, min(1024, rows.count / (max(1, threads) * 4)))
    let chunks = (rows.count + chunk - 1) / chunk
    design.withUnsafeBufferPointer { x in
        let xs = SharedPointer(base: UnsafeMutablePointer(mutating: x.baseAddress!))
        out.withUnsafeMutableBufferPointer { y in
            let ys = SharedPointer(base: y.baseAddress!)
            parallelFor(chunks: chunks, threads: threads) { c in
                for r in (rows.lowerBound + c * chunk)..<min(rows.upperBound, rows.lowerBound + (c + 1) * chunk) {
                    model.evaluate(UnsafeBufferPointer(start: xs.base + r * d, count: d),
                                   into: UnsafeMutableBufferPointer(start: ys.base + r * k, count: k))
                }
            }
        }
    }
}

/// Maps unit-cube points u ∈ (0, 1)^D (row-major) to parameter space with each
/// marginal's inverse CDF: x_{r,j} = F_j⁻¹(u_{r,j}).
public func transform(unitPoints u: [Double], distributions: [Distribution]) -> [Double] {
    let d = distributions.count
    var x = u
    x.withUnsafeMutableBufferPointer { out in
        u.withUnsafeBufferPointer { src in
            for j in 0..<d {
                let dist = distributions[j]
                var r = j
                while r < src.count { out[r] = dist.quantile(src[r]); r += d }
            }
        }
    }
    return x
}
