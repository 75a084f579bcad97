import GEPCore

/// Morris elementary-effects statistics for one parameter and one output.
public struct MorrisIndices: Sendable, Equatable {
    /// μ = (1/r)Σ EE.
    public var mu: Double
    /// μ* = (1/r)Σ|EE| (Campolongo, Cariboni & Saltelli 2007).
    public var muStar: Double
    /// σ = √(Σ(EE − μ)²/(r − 1)).
    public var sigma: Double
}

/// Result of a Morris screening.
public struct MorrisResult: Sendable, Equatable {
    /// Elementary effects `effects[i][t][k]` of parameter i on output k in trajectory t.
    public var effects: [[[Double]]]
    /// Statistics `indices[i][k]`.
    public var indices: [[MorrisIndices]]
    /// Grid step Δ = p / (2(p − 1)) in the unit cube.
    public var delta: Double
}

/// Morris elementary-effects screening (Morris 1991).
///
/// Each of `r` trajectories starts at a random grid point g ∈ {0, 1/(p−1), …, 1}^D and moves
/// one factor at a time, in random order, by ±Δ, Δ = p/(2(p−1)) (+Δ when the level index is
/// < p/2, else −Δ, so the point stays on the grid). The elementary effect is
/// EE_i = [y(g + Δ_i e_i) − y(g)] / Δ_i with Δ_i = ±Δ in **unit-cube** units; inputs are
/// x_j = F_j⁻¹(g_j). For unbounded marginals (normal, lognormal) the grid is mapped through
/// u = 0.001 + 0.998·g so the quantiles stay finite. D + 1 runs per trajectory.
/// For a linear model y = Σcᵢxᵢ with uniform xᵢ on [aᵢ, bᵢ]: EE_i = cᵢ(bᵢ − aᵢ) exactly.
public func morris<M: SensitivityModel>(_ model: M, distributions: [Distribution], trajectories r: Int,
                                        levels p: Int = 4, seed: UInt64, threads: Int = 1) -> MorrisResult {
    let d = model.dimension, k = model.outputCount
    precondition(distributions.count == d && r >= 1 && p >= 2 && p % 2 == 0, "invalid Morris settings")
    let delta = Double(p) / Double(2 * (p - 1))
    var g = SplitMix64(seed: seed)
    var unit = [Double](), signedSteps = [Double](), orders = [[Int]]()
    unit.reserveCapacity(r * (d + 1) * d)
    for _ in 0..<r {
        let levelIndex = (0..<d).map { _ in g.nextIndex(below: p) }
        var point = levelIndex.map { Double($0) / Double(p - 1) }
        var order = Array(0..<d)
        for i in stride(from: d - 1, to: 0, by: -1) { order.swapAt(i, g.nextIndex(below: i + 1)) }
        unit += point
        for i in order {
            let step = levelIndex[i] < p / 2 ? delta : -delta
            point[i] += step
            signedSteps.append(step)
            unit += point
        }
        orders.append(order)
    }
    var x = unit
    for idx in 0..<x.count {
        let dist = distributions[idx % d]
        x[idx] = dist.quantile(dist.isBounded ? min(max(unit[idx], 0), 1) : 0.001 + 0.998 * unit[idx])
    }
    let y = evaluateBatch(model, design: x, threads: threads)
    var effects = [[[Double]]](repeating: [[Double]](repeating: [], count: r), count: d)
    for t in 0..<r {
        for (s, i) in orders[t].enumerated() {
            let r0 = (t * (d + 1) + s) * k, r1 = r0 + k
            let step = signedSteps[t * d + s]
            effects[i][t] = (0..<k).map { (y[r1 + $0] - y[r0 + $0]) / step }
        }
    }
    let indices = (0..<d).map { i in
        (0..<k).map { j -> MorrisIndices in
            let e = (0..<r).map { effects[i][$0][j] }
            let mu = e.reduce(0, +) / Double(r)
            let muStar = e.reduce(0) { $0 + abs($1) } / Double(r)
            let ss = e.reduce(0) { $0 + ($1 - mu) * ($1 - mu) }
            return MorrisIndices(mu: mu, muStar: muStar, sigma: r > 1 ? (ss / Double(r - 1)).squareRoot() : 0)
        }
    }
    return MorrisResult(effects: effects, indices: indices, delta: delta)
}
