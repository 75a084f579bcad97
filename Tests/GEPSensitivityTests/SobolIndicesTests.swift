import Foundation
import Testing
import GEPSensitivity

@Suite struct SobolIndicesTests {
    static let ishigamiInputs = [Distribution](repeating: .uniform(a: -.pi, b: .pi), count: 3)

    @Test func analyticIshigamiValues() {
        let (s1, st) = Ishigami.analytic
        for (x, y) in zip(s1, [0.3139, 0.4424, 0]) { #expect(abs(x - y) < 1e-4) }
        for (x, y) in zip(st, [0.5576, 0.4424, 0.2437]) { #expect(abs(x - y) < 1e-4) }
    }

    @Test func ishigamiAtN8192() {
        let r = sobolAnalysis(Ishigami(), distributions: Self.ishigamiInputs, baseSamples: 8192,
                              bootstrap: 100, seed: 7, threads: 2)
        let s1 = [0.3139, 0.4424, 0.0], st = [0.5576, 0.4424, 0.2437]
        let (exactS1, exactST) = Ishigami.analytic
        for i in 0..<3 {
            #expect(abs(r.firstOrder[i][0] - s1[i]) < 0.02)
            #expect(abs(r.total[i][0] - st[i]) < 0.02)
            #expect(r.firstOrderInterval[i][0].contains(exactS1[i]))
            #expect(r.totalInterval[i][0].contains(exactST[i]))
        }
    }

    @Test func gFunctionAtN8192() {
        let g = GFunction(a: [0, 1, 4.5, 9, 99, 99, 99, 99])
        let r = sobolAnalysis(g, distributions: [Distribution](repeating: .uniform(a: 0, b: 1), count: 8),
                              baseSamples: 8192, threads: 2)
        let (s1, st) = g.analytic
        for i in 0..<8 {
            #expect(abs(r.firstOrder[i][0] - s1[i]) < 0.02)
            #expect(abs(r.total[i][0] - st[i]) < 0.02)
        }
    }

    @Test func linearModelMatchesClosedForm() {
        let model = LinearModel(coefficients: [1, -2, 0.5, 3], constant: 10)
        let dists: [Distribution] = [.uniform(a: 0, b: 1), .normal(mean: 1, sd: 0.5),
                                     .triangular(a: 0, mode: 1, b: 4), .uniform(a: -1, b: 1)]
        let exact = model.firstOrderIndices(distributions: dists)
        #expect(abs(exact.reduce(0, +) - 1) < 1e-12)
        let r = sobolAnalysis(model, distributions: dists, baseSamples: 4096)
        for i in 0..<4 {
            #expect(abs(r.firstOrder[i][0] - exact[i]) < 0.01)
            #expect(abs(r.total[i][0] - exact[i]) < 0.01)
        }
    }

    @Test func designShapeAndRunCount() {
        let d = SaltelliDesign(distributions: Self.ishigamiInputs, baseSamples: 16)
        #expect(d.runCount == 16 * 5 && d.matrix.count == 16 * 5 * 3)
        // A_B^(2) row r equals A row r except column 2, which comes from B.
        for r in 0..<16 {
            for j in 0..<3 {
                let ab = d.matrix[((2 + 2) * 16 + r) * 3 + j]
                #expect(ab == d.matrix[((j == 2 ? 16 : 0) + r) * 3 + j])
            }
        }
    }

    @Test func deterministicAcrossSeedsAndThreads() {
        let model = DotModel(dimension: 5, outputCount: 3)
        let dists = [Distribution](repeating: .normal(mean: 0, sd: 1), count: 5)
        let one = sobolAnalysis(model, distributions: dists, baseSamples: 512, bootstrap: 20, seed: 3, threads: 1)
        let four = sobolAnalysis(model, distributions: dists, baseSamples: 512, bootstrap: 20, seed: 3, threads: 4)
        let again = sobolAnalysis(model, distributions: dists, baseSamples: 512, bootstrap: 20, seed: 3, threads: 4)
        let other = sobolAnalysis(model, distributions: dists, baseSamples: 512, bootstrap: 20, seed: 4, threads: 1)
        #expect(one == four && four == again)
        #expect(one.firstOrder == other.firstOrder && one.firstOrderInterval != other.firstOrderInterval)
    }

    /// Every A and B row is evaluated before any A_B^(i) row (a caching model finds the A row an
    /// A_B^(i) row differs from), on any number of threads.
    @Test(arguments: [1, 3])
    func baseRowsRunBeforeTheirVariants(threads: Int) {
        let n = 64, d = 4
        let model = OrderRecorder(dimension: d)
        _ = sobolAnalysis(model, distributions: [Distribution](repeating: .uniform(a: 0, b: 1), count: d), baseSamples: n, threads: threads)
        let design = SaltelliDesign(distributions: [Distribution](repeating: .uniform(a: 0, b: 1), count: d), baseSamples: n).matrix
        let rows = model.rows
        #expect(rows.count == n * (d + 2))
        let base = Set((0..<(2 * n)).map { Array(design[($0 * d)..<($0 * d + d)]) })
        #expect(Set(rows.prefix(2 * n)) == base)
    }
}

/// Records the rows it is evaluated on, in the order the calls arrive.
final class OrderRecorder: SensitivityModel, @unchecked Sendable {
    let dimension: Int
    var outputCount: Int { 1 }
    private let lock = NSLock()
    private var seen: [[Double]] = []
    init(dimension: Int) { self.dimension = dimension }
    var rows: [[Double]] { lock.withLock { seen } }
    func evaluate(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        lock.withLock { seen.append(Array(x)) }
        y[0] = x.reduce(0, +)
    }
}

/// An output that does not vary (a service no parameter touches) must not trap.
@Suite struct ConstantOutputTests {
    @Test func constantOutputHasUndefinedIndicesAndAnUnboundedInterval() {
        let model = ClosureModel(dimension: 2, outputCount: 2) { x, y in
            y[0] = x[0] + 2 * x[1]
            y[1] = 7
        }
        let result = sobolAnalysis(model, distributions: [.uniform(a: 0, b: 1), .uniform(a: 0, b: 1)], baseSamples: 256, bootstrap: 20, seed: 1)
        // indices are [parameter][output]
        let varying = result.firstOrder.map { $0[0] }, constant = result.firstOrder.map { $0[1] }
        #expect(varying.allSatisfy { $0.isFinite })
        #expect(constant.allSatisfy { $0.isNaN })
        #expect(result.firstOrderInterval[0][1] == -Double.infinity...Double.infinity)
    }
}
