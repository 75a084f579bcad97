import Foundation
import GEPCore
import GEPRaster

/// Counts, while bands are read on concurrent workers, the cells of each layer that lie
/// outside its role's domain, and turns them into the error after the pass: the one piece the
/// grid account's fold and the grid engine share (`LayerDomainCheck`).
final class OutsideDomainTally: @unchecked Sendable {
    /// One checked layer: its index among the bands, its role and band, its domain's bounds.
    private struct Check {
        var index: Int
        var role: String
        var band: any RasterBand
        var low: Float
        var high: Float
        var nodata: NodataRule
    }

    private let checks: [Check]
    private let lock = NSLock()
    private var counts: [Int]

    /// Checks the layers whose role has a domain; `layers[i]` is band `i` (`nil` roles and
    /// bands are not checked).
    init(_ layers: [(role: String?, band: (any RasterBand)?)]) {
        checks = layers.indices.compactMap { index in
            guard let role = layers[index].role, let band = layers[index].band, let domain = GridLayers.domain(of: role) else { return nil }
            let (low, high) = LayerDomainCheck.bounds(domain)
            return Check(index: index, role: role, band: band, low: low, high: high, nodata: NodataRule(band: band))
        }
        counts = Array(repeating: 0, count: layers.count)
    }

    /// Counts the cells outside in one band: `values(i)` is band `i`'s `cells` values.
    func count(cells: Int, values: (Int) -> UnsafePointer<Float>) {
        for check in checks {
            let outside = LayerDomainCheck.countOutside(values(check.index), count: cells, low: check.low, high: check.high, nodata: check.nodata)
            guard outside > 0 else { continue }
            lock.lock()
            counts[check.index] += outside
            lock.unlock()
        }
    }

    /// Throws one problem per layer with cells outside its domain (re-reading those layers
    /// for the first positions), or nothing.
    func throwIfOutside() throws(GEPError) {
        lock.lock()
        let offending = checks.filter { counts[$0.index] > 0 }
        lock.unlock()
        guard offending.isEmpty else {
            throw .invalidData(try GridLayers.domainProblems(offending.map { ($0.role, $0.band) }))
        }
    }
}
