import Foundation

/// Cells outside their layer's domain, counted by layer index from concurrent bands.
final class OutsideDomainTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int]

    init(count: Int) { counts = Array(repeating: 0, count: count) }

    func add(_ count: Int, to index: Int) {
        lock.lock()
        counts[index] += count
        lock.unlock()
    }

    /// The layer indices with cells outside, in order.
    var indices: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return counts.indices.filter { counts[$0] > 0 }
    }
}
