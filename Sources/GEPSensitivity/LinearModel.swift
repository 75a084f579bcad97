/// The linear model y = c₀ + Σᵢ cᵢxᵢ (one output), with closed-form sensitivity indices.
public struct LinearModel: SensitivityModel {
    /// Coefficients cᵢ.
    public let coefficients: [Double]
    /// Constant c₀.
    public let constant: Double
    /// Number of inputs D = coefficients.count.
    public var dimension: Int { coefficients.count }
    /// Always 1.
    public var outputCount: Int { 1 }

    /// Creates y = constant + Σ coefficients[i]·xᵢ.
    public init(coefficients: [Double], constant: Double = 0) {
        self.coefficients = coefficients
        self.constant = constant
    }

    /// Evaluates y = c₀ + Σcᵢxᵢ.
    public func evaluate(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        var s = constant
        for i in 0..<coefficients.count { s += coefficients[i] * x[i] }
        y[0] = s
    }

    /// Closed-form first-order indices for independent inputs:
    /// Sᵢ = cᵢ²Var(xᵢ) / Σⱼ cⱼ²Var(xⱼ). For a linear model Sᵢ = STᵢ.
    public func firstOrderIndices(variances: [Double]) -> [Double] {
        precondition(variances.count == coefficients.count, "one variance per input")
        let parts = zip(coefficients, variances).map { $0 * $0 * $1 }
        let total = parts.reduce(0, +)
        return parts.map { total > 0 ? $0 / total : 0 }
    }

    /// ``firstOrderIndices(variances:)`` with Var(xᵢ) from the marginal distributions.
    public func firstOrderIndices(distributions: [Distribution]) -> [Double] {
        firstOrderIndices(variances: distributions.map(\.variance))
    }

    /// Output mean E[y] = c₀ + Σcᵢ E[xᵢ].
    public func mean(distributions: [Distribution]) -> Double {
        zip(coefficients, distributions).reduce(constant) { $0 + $1.0 * $1.1.mean }
    }

    /// Output variance Var[y] = Σcᵢ²Var(xᵢ) (independent inputs).
    public func variance(distributions: [Distribution]) -> Double {
        zip(coefficients, distributions).reduce(0) { $0 + $1.0 * $1.0 * $1.1.variance }
    }
}
