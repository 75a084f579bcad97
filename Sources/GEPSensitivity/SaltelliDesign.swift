/// Saltelli's radial/"pick-freeze" design for variance-based (Sobol') indices.
///
/// A 2D-dimensional Sobol' sequence (origin skipped) gives N points; the first D coordinates
/// form matrix A, the last D form B, and A_B^(i) is A with column i taken from B
/// (Saltelli et al., "Variance based sensitivity analysis of model output", CPC 181 (2010) 259–270).
/// Inputs are mapped by x_j = F_j⁻¹(u_j). The stacked design has N·(D + 2) rows in the order
/// A, B, A_B^(1), …, A_B^(D).
public struct SaltelliDesign: Sendable {
    /// Base sample size N.
    public let baseSamples: Int
    /// Number of inputs D.
    public let dimension: Int
    /// Stacked design, `N(D+2) × D`, row-major (A, B, A_B^(1), …, A_B^(D)).
    public let matrix: [Double]

    /// Number of model runs N·(D + 2).
    public var runCount: Int { baseSamples * (dimension + 2) }

    /// Builds the design for the given marginals (D ≤ 32 so that 2D ≤ 64 Sobol' dimensions).
    public init(distributions: [Distribution], baseSamples n: Int) {
        let d = distributions.count
        precondition(d >= 1 && 2 * d <= SobolSequence.maxDimension, "Saltelli design needs 1 ≤ D ≤ 32")
        precondition(n >= 2, "N must be at least 2")
        baseSamples = n
        dimension = d
        var sobol = SobolSequence(dimension: 2 * d)
        let u = transform(unitPoints: sobol.points(n), distributions: distributions + distributions)
        var m = [Double](repeating: 0, count: n * (d + 2) * d)
        m.withUnsafeMutableBufferPointer { out in
            u.withUnsafeBufferPointer { src in
                for r in 0..<n {
                    let a = src.baseAddress! + r * 2 * d, b = a + d
                    (out.baseAddress! + r * d).update(from: a, count: d)
                    (out.baseAddress! + (n + r) * d).update(from: b, count: d)
                    for i in 0..<d {
                        let row = out.baseAddress! + ((2 + i) * n + r) * d
                        row.update(from: a, count: d)
                        row[i] = b[i]
                    }
                }
            }
        }
        matrix = m
    }
}
