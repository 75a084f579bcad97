import GEPCore

/// Source of unit-cube points for sampling designs.
public enum PointSampler: Sendable, Equatable {
    /// Independent uniforms from ``SplitMix64`` seeded with the value.
    case random(seed: UInt64)
    /// The unscrambled Sobol' sequence (origin skipped), see ``SobolSequence``.
    case sobol

    /// Returns `count × dimension` points in (0, 1), row-major.
    public func unitPoints(count: Int, dimension: Int) -> [Double] {
        switch self {
        case .random(let seed):
            var g = SplitMix64(seed: seed)
            return (0..<(count * dimension)).map { _ in g.nextOpenUnit() }
        case .sobol:
            var s = SobolSequence(dimension: dimension)
            return s.points(count)
        }
    }
}

/// Result of a Monte Carlo uncertainty propagation.
public struct MonteCarloResult: Sendable, Equatable {
    /// Inputs, `N × D` row-major.
    public var inputs: [Double]
    /// Outputs, `N × K` row-major.
    public var outputs: [Double]
    /// Per-output summary (mean, sd, P5, P50, P95).
    public var summaries: [OutputSummary]
}

/// Monte Carlo propagation: draws N points u ∈ (0,1)^D from `sampler`, maps them by
/// x_j = F_j⁻¹(u_j), evaluates the model and summarises every output.
public func monteCarlo<M: SensitivityModel>(_ model: M, distributions: [Distribution], samples n: Int,
                                            sampler: PointSampler, threads: Int = 1) -> MonteCarloResult {
    let d = model.dimension, k = model.outputCount
    precondition(distributions.count == d && n > 0, "one distribution per input and N > 0")
    let x = transform(unitPoints: sampler.unitPoints(count: n, dimension: d), distributions: distributions)
    let y = evaluateBatch(model, design: x, threads: threads)
    let summaries = (0..<k).map { j in OutputSummary(sample: (0..<n).map { y[$0 * k + j] }) }
    return MonteCarloResult(inputs: x, outputs: y, summaries: summaries)
}
