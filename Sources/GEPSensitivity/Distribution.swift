import Foundation

/// A univariate input distribution, sampled by inverse-CDF transform of u ∈ (0, 1)
/// so that it works equally with pseudo-random and low-discrepancy (Sobol') points.
public enum Distribution: Sendable, Equatable {
    /// Uniform on [a, b]: F⁻¹(u) = a + u·(b − a).
    case uniform(a: Double, b: Double)
    /// Triangular on [a, b] with mode c: F⁻¹(u) = a + √(u(b−a)(c−a)) for u < (c−a)/(b−a),
    /// else b − √((1−u)(b−a)(b−c)).
    case triangular(a: Double, mode: Double, b: Double)
    /// Normal N(μ, σ²): F⁻¹(u) = μ + σ·Φ⁻¹(u).
    case normal(mean: Double, sd: Double)
    /// Lognormal with log-mean μ and log-sd σ: F⁻¹(u) = exp(μ + σ·Φ⁻¹(u)).
    case lognormal(mu: Double, sigma: Double)
    /// Normal N(μ, σ²) truncated to [a, b]:
    /// F⁻¹(u) = μ + σ·Φ⁻¹(Φ(α) + u·(Φ(β) − Φ(α))), α = (a−μ)/σ, β = (b−μ)/σ.
    case truncatedNormal(mean: Double, sd: Double, a: Double, b: Double)

    /// The inverse distribution function F⁻¹(u) (formulas on each case).
    public func quantile(_ u: Double) -> Double {
        switch self {
        case let .uniform(a, b):
            return a + u * (b - a)
        case let .triangular(a, c, b):
            let w = b - a
            guard w > 0 else { return a }
            let fc = (c - a) / w
            return u < fc ? a + (u * w * (c - a)).squareRoot() : b - ((1 - u) * w * (b - c)).squareRoot()
        case let .normal(m, s):
            return m + s * normalQuantile(u)
        case let .lognormal(mu, sigma):
            return exp(mu + sigma * normalQuantile(u))
        case let .truncatedNormal(m, s, a, b):
            if u <= 0 { return a }
            if u >= 1 { return b }
            let (alpha, beta) = ((a - m) / s, (b - m) / s)
            // Work in the tail that keeps Φ away from 1 to limit cancellation.
            if alpha > 0 {
                let qa = normalCDF(-alpha), qb = normalCDF(-beta)
                let z = -normalQuantile(qa - u * (qa - qb))
                return min(max(m + s * z, a), b)
            }
            let pa = normalCDF(alpha), pb = normalCDF(beta)
            let z = normalQuantile(pa + u * (pb - pa))
            return min(max(m + s * z, a), b)
        }
    }

    /// The low and high ends a one-at-a-time tornado uses: the support when it is bounded,
    /// else the 5 % and 95 % quantiles.
    public var tornadoRange: (low: Double, high: Double) {
        isBounded ? (quantile(0), quantile(1)) : (quantile(0.05), quantile(0.95))
    }

    /// The ends of the support: [a, b] for the bounded ones, (−∞, ∞) for the normal and (0, ∞)
    /// for the lognormal.
    public var support: (low: Double, high: Double) {
        switch self {
        case let .uniform(a, b), let .triangular(a, _, b), let .truncatedNormal(_, _, a, b): (a, b)
        case .normal: (-.infinity, .infinity)
        case .lognormal: (0, .infinity)
        }
    }

    /// Whether the support is bounded (F⁻¹(0) and F⁻¹(1) are finite).
    public var isBounded: Bool {
        switch self {
        case .uniform, .triangular, .truncatedNormal: return true
        case .normal, .lognormal: return false
        }
    }

    /// The mean E[X]. Truncated normal: μ + σ(φ(α) − φ(β))/Z, Z = Φ(β) − Φ(α).
    public var mean: Double {
        switch self {
        case let .uniform(a, b): return (a + b) / 2
        case let .triangular(a, c, b): return (a + b + c) / 3
        case let .normal(m, _): return m
        case let .lognormal(mu, sigma): return exp(mu + sigma * sigma / 2)
        case let .truncatedNormal(m, s, a, b):
            let (alpha, beta) = ((a - m) / s, (b - m) / s)
            let z = normalCDF(beta) - normalCDF(alpha)
            return m + s * (normalPDF(alpha) - normalPDF(beta)) / z
        }
    }

    /// The variance Var[X]. Uniform (b−a)²/12; triangular (a²+b²+c²−ab−ac−bc)/18;
    /// lognormal (e^{σ²}−1)e^{2μ+σ²}; truncated normal
    /// σ²[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²] (Johnson, Kotz & Balakrishnan 1994).
    public var variance: Double {
        switch self {
        case let .uniform(a, b): return (b - a) * (b - a) / 12
        case let .triangular(a, c, b): return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case let .normal(_, s): return s * s
        case let .lognormal(mu, sigma):
            return (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)
        case let .truncatedNormal(m, s, a, b):
            let (alpha, beta) = ((a - m) / s, (b - m) / s)
            let z = normalCDF(beta) - normalCDF(alpha)
            let pa = alpha.isFinite ? alpha * normalPDF(alpha) : 0
            let pb = beta.isFinite ? beta * normalPDF(beta) : 0
            let d = (normalPDF(alpha) - normalPDF(beta)) / z
            return s * s * (1 + (pa - pb) / z - d * d)
        }
    }
}
