/// Evaluates `model` on each row of a row-major design matrix.
///
/// - Parameters:
///   - design: `rows × model.dimension` inputs, row-major.
///   - threads: worker threads (`DispatchQueue.concurrentPerform`); each row is computed
///     independently, so the output is bit-identical for every thread count.
/// - Returns: `rows × model.outputCount` outputs, row-major.
public func evaluateBatch<M: SensitivityModel>(_ model: M, design: [Double], threads: Int = 1) -> [Double] {
    let d = model.dimension, k = model.outputCount
    precondition(d > 0 && design.count % d == 0, "design size must be a multiple of the dimension")
    let rows = design.count / d
    var out = [Double](repeating: 0, count: rows * k)
    let chunk = 1024
    let chunks = (rows + chunk - 1) / chunk
    design.withUnsafeBufferPointer { x in
        let xs = SharedPointer(base: UnsafeMutablePointer(mutating: x.baseAddress!))
        out.withUnsafeMutableBufferPointer { y in
            let ys = SharedPointer(base: y.baseAddress!)
            parallelFor(chunks: chunks, threads: threads) { c in
                for r in (c * chunk)..<min(rows, (c + 1) * chunk) {
                    model.evaluate(UnsafeBufferPointer(start: xs.base + r * d, count: d),
                                   into: UnsafeMutableBufferPointer(start: ys.base + r * k, count: k))
                }
            }
        }
    }
    return out
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
