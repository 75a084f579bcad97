import Testing
import GEPSensitivity

@Suite struct SobolSequenceTests {
    @Test func firstPointsMatchPublishedValues() {
        // Unscrambled Joe–Kuo (new-joe-kuo-6.21201) points n = 1…8, as produced by
        // SciPy `qmc.Sobol(64, scramble=False)` rows 1…8, dimensions 1, 2, 3, 10, 40, 64.
        let expected: [[Double]] = [
            [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
            [0.75, 0.25, 0.25, 0.75, 0.25, 0.75],
            [0.25, 0.75, 0.75, 0.25, 0.75, 0.25],
            [0.375, 0.375, 0.625, 0.625, 0.875, 0.125],
            [0.875, 0.875, 0.125, 0.125, 0.375, 0.625],
            [0.625, 0.125, 0.875, 0.375, 0.625, 0.875],
            [0.125, 0.625, 0.375, 0.875, 0.125, 0.375],
            [0.1875, 0.3125, 0.9375, 0.3125, 0.5625, 0.6875],
        ]
        var s = SobolSequence(dimension: 64)
        var p = [Double](repeating: 0, count: 64)
        for row in expected {
            s.next(into: &p)
            #expect([p[0], p[1], p[2], p[9], p[39], p[63]] == row)
        }
    }

    @Test func laterPointsMatchPublishedValues() {
        var s = SobolSequence(dimension: 64)
        let pts = s.points(4097)
        let at = { (n: Int, j: Int) in pts[(n - 1) * 64 + j] }
        #expect([at(1000, 4), at(1000, 20), at(1000, 50), at(1000, 63)]
                == [0.2802734375, 0.5224609375, 0.3525390625, 0.4462890625])
        #expect([at(4097, 4), at(4097, 20), at(4097, 50), at(4097, 63)]
                == [0.6649169921875, 0.1724853515625, 0.5103759765625, 0.9456787109375])
    }

    @Test func firstPowerOfTwoIsStratified() {
        // Points 1…2^m−1 plus the skipped origin hit every interval [k/2^m, (k+1)/2^m) once.
        var s = SobolSequence(dimension: 64)
        let pts = s.points(255)
        for j in 0..<64 {
            var seen = Set<Int>([0])
            for n in 0..<255 { seen.insert(Int(pts[n * 64 + j] * 256)) }
            #expect(seen.count == 256)
        }
    }
}
