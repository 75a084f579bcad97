/// Sobol' low-discrepancy sequence in up to 64 dimensions (Joe–Kuo direction numbers).
///
/// Construction (Bratley & Fox 1988; Joe & Kuo 2008): for dimension j with primitive
/// polynomial of degree s and coefficients a₁…a_{s−1}, the 32-bit direction numbers
/// v_k = m_k·2^{32−k} satisfy
/// v_k = a₁v_{k−1} ⊕ … ⊕ a_{s−1}v_{k−s+1} ⊕ v_{k−s} ⊕ (v_{k−s} ≫ s) for k > s.
/// Points are generated in Gray-code order (Antonov & Saleev 1979):
/// x_n = x_{n−1} ⊕ v_{c(n)}, c(n) = index of the lowest set bit of n,
/// so the n-th point equals SciPy's unscrambled `qmc.Sobol` point n.
///
/// The initial point x₀ = (0, …, 0) is **skipped**: the first call to
/// ``next(into:)`` returns point 1 = (½, …, ½). All coordinates therefore lie in (0, 1),
/// which lets unbounded inverse CDFs be applied directly.
public struct SobolSequence: Sendable {
    /// Maximum supported dimension.
    public static let maxDimension = joeKuoDirectionTable.count + 1
    /// Number of bits per coordinate.
    static let bits = 32

    /// The dimension of each point.
    public let dimension: Int
    /// Direction numbers, `dimension × 32`, row-major.
    private let directions: [UInt32]
    /// Current integer state x_n.
    private var state: [UInt32]
    /// Index of the next point to return (starts at 1: the origin is skipped).
    public private(set) var index: UInt64 = 1

    /// Creates the sequence for `dimension` ∈ 1…64.
    public init(dimension: Int) {
        precondition(dimension >= 1 && dimension <= SobolSequence.maxDimension,
                     "Sobol' dimension must be in 1...\(SobolSequence.maxDimension)")
        self.dimension = dimension
        var v = [UInt32](repeating: 0, count: dimension * Self.bits)
        for k in 0..<Self.bits { v[k] = 1 << UInt32(31 - k) }
        for j in 1..<dimension {
            let (s, a, m) = joeKuoDirectionTable[j - 1]
            let row = j * Self.bits
            for k in 0..<min(s, Self.bits) { v[row + k] = m[k] << UInt32(31 - k) }
            if s < Self.bits {
                for k in s..<Self.bits {
                    var value = v[row + k - s] ^ (v[row + k - s] >> UInt32(s))
                    for l in 1..<s where (a >> UInt32(s - 1 - l)) & 1 == 1 {
                        value ^= v[row + k - l]
                    }
                    v[row + k] = value
                }
            }
        }
        directions = v
        state = [UInt32](repeating: 0, count: dimension)
    }

    /// Writes the next point (coordinates x/2³² ∈ (0, 1)) into `point` (length ≥ `dimension`).
    public mutating func next(into point: inout [Double]) {
        precondition(index < (1 << 32), "Sobol' sequence exhausted (2^32 points)")
        let c = index.trailingZeroBitCount
        for j in 0..<dimension {
            state[j] ^= directions[j * Self.bits + c]
            point[j] = Double(state[j]) * 0x1p-32
        }
        index += 1
    }

    /// Returns the next `count` points as a row-major `count × dimension` matrix.
    public mutating func points(_ count: Int) -> [Double] {
        var out = [Double](repeating: 0, count: count * dimension)
        var p = [Double](repeating: 0, count: dimension)
        for i in 0..<count {
            next(into: &p)
            for j in 0..<dimension { out[i * dimension + j] = p[j] }
        }
        return out
    }
}
