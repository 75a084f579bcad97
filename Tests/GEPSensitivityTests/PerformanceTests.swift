import Foundation
import Testing
import GEPSensitivity

@Suite struct PerformanceTests {
    /// Saltelli N = 65,536, D = 10, 16 outputs, 100 bootstrap resamples on 2 threads.
    /// Only timed in optimised builds (set GEP_SENSITIVITY_PERF=1); prints the wall time.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GEP_SENSITIVITY_PERF"] == "1"))
    func saltelliLargeDesign() {
        let model = DotModel(dimension: 10, outputCount: 16)
        let dists = [Distribution](repeating: .uniform(a: 0, b: 1), count: 10)
        let start = Date()
        let r = sobolAnalysis(model, distributions: dists, baseSamples: 65_536, bootstrap: 100, seed: 1, threads: 2)
        let seconds = Date().timeIntervalSince(start)
        print("Saltelli N=65536 D=10 K=16 B=100 threads=2: \(seconds) s")
        #expect(r.firstOrder.count == 10 && r.firstOrder[0].count == 16)
    }
}
