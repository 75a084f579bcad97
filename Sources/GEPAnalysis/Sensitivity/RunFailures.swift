import Foundation
import GEPCore

/// The model runs of a design that failed: the account refused the drawn values (a negative
/// rainfall, say) or an output came out NaN or infinite. Shared by every copy of a model and
/// safe to record into from many threads.
///
/// Which failures are kept as examples does not depend on the order runs finish: the kept ones
/// are those with the lexicographically smallest inputs.
public final class RunFailures: @unchecked Sendable {
    /// One failed run: its inputs and why it failed.
    public struct Failure: Sendable, Equatable {
        /// The run's inputs, in parameter order.
        public var inputs: [Double]
        /// The account's error, or the output that was not finite.
        public var reason: String
    }

    private let lock = NSLock()
    private var total = 0
    private var kept: [Failure] = []
    /// Examples kept.
    public static let examples = 5

    /// Creates an empty log.
    public init() {}

    /// Failed runs so far.
    public var count: Int { lock.withLock { total } }

    /// Up to `examples` failures, smallest inputs first.
    public var first: [Failure] { lock.withLock { kept } }

    /// Records a failed run.
    public func record(_ inputs: UnsafeBufferPointer<Double>, reason: String) {
        let failure = Failure(inputs: Array(inputs), reason: reason)
        lock.withLock {
            total += 1
            let position = kept.firstIndex { failure.inputs.lexicographicallyPrecedes($0.inputs) } ?? kept.count
            guard position < Self.examples else { return }
            kept.insert(failure, at: position)
            if kept.count > Self.examples { kept.removeLast() }
        }
    }
}
