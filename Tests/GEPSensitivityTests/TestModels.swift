import Foundation
import GEPSensitivity

/// Ishigami function f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ (Ishigami & Homma 1990).
struct Ishigami: SensitivityModel {
    let a = 7.0, b = 0.1
    var dimension: Int { 3 }
    var outputCount: Int { 1 }
    func evaluate(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        let s2 = sin(x[1])
        y[0] = sin(x[0]) + a * s2 * s2 + b * pow(x[2], 4) * sin(x[0])
    }
    /// Analytic indices for a = 7, b = 0.1.
    static var analytic: (s1: [Double], st: [Double]) {
        let a = 7.0, b = 0.1, pi4 = pow(Double.pi, 4), pi8 = pi4 * pi4
        let v1 = 0.5 * pow(1 + b * pi4 / 5, 2), v2 = a * a / 8, v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50)
        let v = v1 + v2 + v13
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v])
    }
}

/// Sobol' G-function g = Πᵢ (|4xᵢ − 2| + aᵢ)/(1 + aᵢ), xᵢ ~ U(0, 1).
struct GFunction: SensitivityModel {
    let a: [Double]
    var dimension: Int { a.count }
    var outputCount: Int { 1 }
    func evaluate(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        var p = 1.0
        for i in 0..<a.count { p *= (abs(4 * x[i] - 2) + a[i]) / (1 + a[i]) }
        y[0] = p
    }
    /// Vᵢ = 1/(3(1+aᵢ)²), V = Π(1+Vᵢ) − 1, S1ᵢ = Vᵢ/V, STᵢ = VᵢΠ_{j≠i}(1+Vⱼ)/V.
    var analytic: (s1: [Double], st: [Double]) {
        let vi = a.map { 1 / (3 * (1 + $0) * (1 + $0)) }
        let prod = vi.reduce(1) { $0 * (1 + $1) }
        let v = prod - 1
        return (vi.map { $0 / v }, vi.map { $0 * (prod / (1 + $0)) / v })
    }
}

/// A cheap multi-output model: y = W·x with W_{ki} = (1 + k + i)/(k + 1), K outputs.
struct DotModel: SensitivityModel {
    let dimension: Int
    let outputCount: Int
    let weights: [Double]
    init(dimension: Int, outputCount: Int) {
        self.dimension = dimension
        self.outputCount = outputCount
        weights = (0..<(dimension * outputCount)).map { idx in
            let (k, i) = (idx / dimension, idx % dimension)
            return Double(1 + k + i) / Double(k + 1)
        }
    }
    func evaluate(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        weights.withUnsafeBufferPointer { w in
            for k in 0..<outputCount {
                var s = 0.0
                for i in 0..<dimension { s += w[k * dimension + i] * x[i] }
                y[k] = s
            }
        }
    }
}
