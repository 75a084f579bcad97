/// A deterministic vector-valued model y = f(x), x ∈ ℝ^dimension, y ∈ ℝ^outputCount.
///
/// `evaluate` must be a pure function of `x` (no shared mutable state), because design
/// matrices are evaluated concurrently; results are then identical for any thread count.
public protocol SensitivityModel: Sendable {
    /// Number of inputs D.
    var dimension: Int { get }
    /// Number of outputs K (e.g. a total plus one value per service).
    var outputCount: Int { get }
    /// Evaluates the model at `x` (count D) and writes K outputs into `y`.
    func evaluate(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>)
}

/// A ``SensitivityModel`` wrapping a closure.
public struct ClosureModel: SensitivityModel {
    /// Number of inputs D.
    public let dimension: Int
    /// Number of outputs K.
    public let outputCount: Int
    private let body: @Sendable (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void

    /// Wraps `body(x, y)`, which must write `outputCount` values into `y`.
    public init(dimension: Int, outputCount: Int,
                _ body: @escaping @Sendable (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void) {
        self.dimension = dimension
        self.outputCount = outputCount
        self.body = body
    }

    /// Calls the wrapped closure.
    public func evaluate(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        body(x, y)
    }
}

/// Convenience scalar-model constructor: y₀ = f(x).
extension ClosureModel {
    /// Wraps a scalar function `f(x)` as a one-output model.
    public init(dimension: Int, scalar f: @escaping @Sendable (UnsafeBufferPointer<Double>) -> Double) {
        self.init(dimension: dimension, outputCount: 1) { x, y in y[0] = f(x) }
    }
}
