import GEPCore

/// Fractal value noise on a grid: lattice values from `SplitMix64`, smoothstep-blended,
/// summed over octaves that halve in spacing and amplitude, scaled to [0, 1].
///
/// Only `+ − × /` on `Float` are used (no libm), so values are bit-identical on every
/// IEEE-754 platform.
struct ValueNoise: Sendable {
    /// One octave: a lattice of random values every `spacing` cells.
    private struct Octave: Sendable {
        var lattice: [Float]
        var latticeWidth: Int
        var spacing: Float
        var amplitude: Float
        /// For each grid column, the lattice column to its left and the smoothstep weight.
        var columnIndex: [Int]
        var columnWeight: [Float]
    }

    private let octaves: [Octave]
    private let scale: Float

    /// Noise over a `rows × columns` grid.
    ///
    /// - Parameters:
    ///   - spacing: Lattice spacing of the first octave, in cells (at least 2).
    ///   - octaves: Number of octaves; each halves spacing (down to 2 cells) and amplitude.
    ///   - seed: The lattice seed.
    init(rows: Int, columns: Int, spacing: Float, octaves count: Int, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var octaves: [Octave] = []
        var amplitude: Float = 1, total: Float = 0
        var step = max(2, spacing)
        for _ in 0..<count {
            let width = Int(Float(columns) / step) + 2
            let height = Int(Float(rows) / step) + 2
            let lattice = (0..<(width * height)).map { _ in random.nextUnit() }
            var columnIndex = [Int](repeating: 0, count: columns)
            var columnWeight = [Float](repeating: 0, count: columns)
            for x in 0..<columns {
                let position = (Float(x) + 0.5) / step
                let index = Int(position)
                columnIndex[x] = index
                columnWeight[x] = Self.smooth(position - Float(index))
            }
            octaves.append(Octave(lattice: lattice, latticeWidth: width, spacing: step, amplitude: amplitude,
                                  columnIndex: columnIndex, columnWeight: columnWeight))
            total += amplitude
            amplitude *= 0.5
            step = max(2, step * 0.5)
        }
        self.octaves = octaves
        self.scale = 1 / total
    }

    /// Writes row `y`'s noise values (in [0, 1]) into `out` (one per column).
    func row(_ y: Int, into out: UnsafeMutableBufferPointer<Float>, scratch: inout [Float]) {
        for x in out.indices { out[x] = 0 }
        for octave in octaves {
            let position = (Float(y) + 0.5) / octave.spacing
            let index = Int(position)
            let weight = Self.smooth(position - Float(index))
            let width = octave.latticeWidth
            if scratch.count < width { scratch = [Float](repeating: 0, count: width) }
            for j in 0..<width {
                let above = octave.lattice[index * width + j], below = octave.lattice[(index + 1) * width + j]
                scratch[j] = above + (below - above) * weight
            }
            let amplitude = octave.amplitude * scale
            octave.columnIndex.withUnsafeBufferPointer { columns in
                octave.columnWeight.withUnsafeBufferPointer { weights in
                    scratch.withUnsafeBufferPointer { blended in
                        for x in out.indices {
                            let left = blended[columns[x]], right = blended[columns[x] + 1]
                            out[x] += (left + (right - left) * weights[x]) * amplitude
                        }
                    }
                }
            }
        }
    }

    /// 3t² − 2t³.
    private static func smooth(_ t: Float) -> Float {
        t * t * (3 - 2 * t)
    }
}
