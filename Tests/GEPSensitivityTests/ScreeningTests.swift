import Testing
import GEPSensitivity

@Suite struct ScreeningTests {
    @Test func tornadoOnLinearModelIsExact() {
        let model = LinearModel(coefficients: [2, -3, 0.5], constant: 1)
        let params = [TornadoParameter(name: "a", low: 0, base: 1, high: 2),
                      TornadoParameter(name: "b", low: 4, base: 5, high: 10),
                      TornadoParameter(name: "c", low: -4, base: 0, high: 4)]
        let t = tornado(model, parameters: params, threads: 2)
        #expect(t.baseOutput == [1 + 2 - 15])
        #expect(t.low[1] == [1 + 2 - 12] && t.high[1] == [1 + 2 - 30])
        #expect(t.swing.map { $0[0] } == [4, 18, 4])
        #expect(t.ranking() == [1, 0, 2])
    }

    @Test func morrisMuStarExactForLinearModel() {
        let c = [1.5, -2, 0, 4]
        let bounds: [(Double, Double)] = [(0, 1), (2, 5), (-1, 1), (10, 10.5)]
        let model = LinearModel(coefficients: c, constant: 3)
        let r = morris(model, distributions: bounds.map { .uniform(a: $0.0, b: $0.1) },
                       trajectories: 20, levels: 4, seed: 11, threads: 2)
        #expect(r.delta == 4.0 / 6.0)
        for i in 0..<4 {
            let exact = c[i] * (bounds[i].1 - bounds[i].0)
            #expect(abs(r.indices[i][0].muStar - abs(exact)) < 1e-12)
            #expect(abs(r.indices[i][0].mu - exact) < 1e-12)
            #expect(r.indices[i][0].sigma < 1e-12)
        }
        let again = morris(model, distributions: bounds.map { .uniform(a: $0.0, b: $0.1) },
                           trajectories: 20, levels: 4, seed: 11, threads: 1)
        #expect(again == r)
    }

    @Test func morrisDetectsInteraction() {
        let r = morris(Ishigami(), distributions: [Distribution](repeating: .uniform(a: -.pi, b: .pi), count: 3),
                       trajectories: 50, levels: 6, seed: 5)
        #expect(r.indices[2][0].sigma > 0 && r.indices[2][0].muStar > 0)
    }

    @Test func monteCarloNormalMoments() {
        let model = ClosureModel(dimension: 2, outputCount: 2) { x, y in
            y[0] = x[0] + x[1]
            y[1] = x[0]
        }
        let dists: [Distribution] = [.normal(mean: 3, sd: 2), .normal(mean: -1, sd: 1)]
        for sampler in [PointSampler.sobol, .random(seed: 9)] {
            let r = monteCarlo(model, distributions: dists, samples: 16_384, sampler: sampler, threads: 2)
            let tol = sampler == .sobol ? 0.01 : 0.05
            #expect(abs(r.summaries[0].mean - 2) < tol)
            #expect(abs(r.summaries[0].sd - 5.0.squareRoot()) < tol)
            #expect(abs(r.summaries[1].mean - 3) < tol)
            #expect(abs(r.summaries[1].sd - 2) < tol)
            #expect(abs(r.summaries[1].p5 - (3 - 2 * 1.6448536269514722)) < 4 * tol)
            #expect(abs(r.summaries[1].p50 - 3) < 4 * tol)
            #expect(abs(r.summaries[1].p95 - (3 + 2 * 1.6448536269514722)) < 4 * tol)
        }
        let a = monteCarlo(model, distributions: dists, samples: 1000, sampler: .random(seed: 1), threads: 1)
        let b = monteCarlo(model, distributions: dists, samples: 1000, sampler: .random(seed: 1), threads: 4)
        #expect(a == b)
    }

    @Test func batchEvaluationIsThreadIndependent() {
        let model = DotModel(dimension: 4, outputCount: 16)
        let design = PointSampler.random(seed: 2).unitPoints(count: 5000, dimension: 4)
        #expect(evaluateBatch(model, design: design, threads: 1) == evaluateBatch(model, design: design, threads: 4))
    }

    @Test func sampleQuantiles() {
        #expect(quantile(sorted: [1, 2, 3, 4, 5], 0.5) == 3)
        #expect(quantile(sorted: [1, 2, 3, 4], 0.5) == 2.5)
        #expect(quantile(sorted: [0, 10], 0.05) == 0.5)
    }

    /// A failed run (NaN) makes every statistic NaN instead of percentiles of a mis-sorted sample.
    @Test func aSampleWithNaNHasNoStatistics() {
        let summary = OutputSummary(sample: [3, .nan, 1, 2])
        #expect([summary.mean, summary.sd, summary.p5, summary.p50, summary.p95].allSatisfy { $0.isNaN })
        let clean = OutputSummary(sample: [3, 1, 2])
        #expect(clean.mean == 2 && clean.sd == 1 && clean.p50 == 2 && abs(clean.p5 - 1.1) < 1e-15 && abs(clean.p95 - 2.9) < 1e-15)
    }

    /// Outputs near 1e300 are finite, so their mean and sd must be: the plain sums overflow,
    /// the scaled fallback does not. For {a, 2a, 3a}: mean 2a, sd a.
    @Test func hugeOutputsHaveFiniteMoments() {
        let a = 1e300
        let summary = OutputSummary(sample: [a, 2 * a, 3 * a])
        #expect(abs(summary.mean / (2 * a) - 1) < 1e-15)
        #expect(abs(summary.sd / a - 1) < 1e-15)
        let negative = OutputSummary(sample: [-a, -2 * a, -3 * a])
        #expect(abs(negative.mean / (-2 * a) - 1) < 1e-15 && abs(negative.sd / a - 1) < 1e-15)
    }
}
