/// One parameter's one-at-a-time range for a tornado analysis.
public struct TornadoParameter: Sendable, Equatable {
    /// Display name.
    public var name: String
    /// Low value x_i^lo.
    public var low: Double
    /// Base (reference) value x_i^0.
    public var base: Double
    /// High value x_i^hi.
    public var high: Double
    /// Creates a parameter range.
    public init(name: String, low: Double, base: Double, high: Double) {
        self.name = name; self.low = low; self.base = base; self.high = high
    }
}

/// Result of a tornado (one-at-a-time) analysis.
public struct TornadoResult: Sendable, Equatable {
    /// y(x⁰), length K.
    public var baseOutput: [Double]
    /// y with parameter i at its low value, others at base: `low[i][k]`.
    public var low: [[Double]]
    /// y with parameter i at its high value, others at base: `high[i][k]`.
    public var high: [[Double]]
    /// Swing_{ik} = |y_k(x_i^hi) − y_k(x_i^lo)|.
    public var swing: [[Double]]

    /// Parameter indices sorted by decreasing swing of output `k` (ties: lower index first).
    public func ranking(output k: Int = 0) -> [Int] {
        swing.indices.sorted { a, b in
            swing[a][k] != swing[b][k] ? swing[a][k] > swing[b][k] : a < b
        }
    }
}

/// Tornado analysis: evaluates the base point and, for each parameter i, the points with
/// x_i at its low and high value and all others at base (2D + 1 model runs).
public func tornado<M: SensitivityModel>(_ model: M, parameters: [TornadoParameter], threads: Int = 1) -> TornadoResult {
    let d = model.dimension, k = model.outputCount
    precondition(parameters.count == d, "one TornadoParameter per model input")
    let base = parameters.map(\.base)
    var design = base
    for i in 0..<d {
        var lo = base; lo[i] = parameters[i].low
        var hi = base; hi[i] = parameters[i].high
        design += lo + hi
    }
    let y = evaluateBatch(model, design: design, threads: threads)
    let row = { (r: Int) in Array(y[(r * k)..<((r + 1) * k)]) }
    let low = (0..<d).map { row(1 + 2 * $0) }
    let high = (0..<d).map { row(2 + 2 * $0) }
    let swing = (0..<d).map { i in (0..<k).map { abs(high[i][$0] - low[i][$0]) } }
    return TornadoResult(baseOutput: row(0), low: low, high: high, swing: swing)
}
