import GEPCore
import Testing
import GEPSensitivity

@Suite struct DistributionTests {
    @Test func normalQuantileKnownValues() {
        // Reference quantiles (Abramowitz & Stegun 26.2; SciPy norm.ppf).
        #expect(abs(normalQuantile(0.5)) < 1e-15)
        #expect(abs(normalQuantile(0.975) - 1.959963984540054) < 1e-13)
        #expect(abs(normalQuantile(0.025) + 1.959963984540054) < 1e-13)
        #expect(abs(normalQuantile(0.95) - 1.6448536269514722) < 1e-13)
        #expect(abs(normalQuantile(0.3) + 0.5244005127080409) < 1e-13)
        #expect(abs(normalQuantile(0.999) - 3.090232306167813) < 1e-12)
        #expect(abs(normalQuantile(1e-10) + 6.361340902404056) < 1e-11)
        #expect(normalQuantile(0) == -.infinity && normalQuantile(1) == .infinity)
        #expect(normalQuantile(-0.1).isNaN)
    }

    @Test func quantileRoundTrip() {
        for p in stride(from: 0.001, to: 1, by: 0.0137) {
            #expect(abs(normalCDF(normalQuantile(p)) - p) < 1e-14)
        }
    }

    @Test func distributionQuantiles() {
        #expect(Distribution.uniform(a: 2, b: 6).quantile(0.25) == 3)
        #expect(abs(Distribution.triangular(a: 1, mode: 2, b: 5).quantile(0.2) - 1.8944271909999157) < 1e-12)
        #expect(abs(Distribution.normal(mean: 10, sd: 2).quantile(0.975) - (10 + 2 * 1.959963984540054)) < 1e-12)
        #expect(abs(Distribution.lognormal(mu: 1, sigma: 0.5).quantile(0.9) - 5.159170355622591) < 1e-12)
        let tn = Distribution.truncatedNormal(mean: 5, sd: 2, a: 3, b: 9)
        #expect(abs(tn.quantile(0.3) - 4.515192364221546) < 1e-12)
        #expect(tn.quantile(0) == 3 && tn.quantile(1) == 9)
        #expect(abs(tn.mean - 5.459274358182658) < 1e-12)
        #expect(abs(tn.variance - 2.0790501568461357) < 1e-12)
        // Far upper tail truncation (α = 3) stays accurate.
        let tail = Distribution.truncatedNormal(mean: 0, sd: 1, a: 3, b: 5)
        #expect(abs(tail.quantile(0.4) - 3.152262248986606) < 1e-9)
    }

    @Test func splitMixIsSeededAndOpen() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42), c = SplitMix64(seed: 43)
        let xa = (0..<100).map { _ in a.next() }
        #expect(xa == (0..<100).map { _ in b.next() })
        #expect(xa != (0..<100).map { _ in c.next() })
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF) // SplitMix64 reference output for seed 0
        for _ in 0..<10_000 {
            let u = g.nextOpenUnit()
            #expect(u > 0 && u < 1)
            #expect((0..<7).contains(g.nextIndex(below: 7)))
        }
    }
}
