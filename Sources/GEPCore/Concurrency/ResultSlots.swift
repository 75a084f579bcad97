import Foundation

/// One result slot per work item, written by concurrent workers and read in item order
/// afterwards, so parallel runs report (and merge) in a fixed order whatever the thread count.
public final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Result<Value, GEPError>?]
    private let lock = NSLock()

    /// Creates `count` empty slots.
    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Stores item `index`'s result (each index once).
    public func store(_ index: Int, _ result: Result<Value, GEPError>) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
    }

    /// Item `index`'s result.
    ///
    /// - Precondition: the item has been stored.
    public func take(_ index: Int) -> Result<Value, GEPError> {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]!
    }
}
