import Foundation
import GEPCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output (file descriptor 1), written unbuffered so that output is complete and
/// in order however the process ends.
public final class StandardOutput: TextSink, @unchecked Sendable {
    /// Guards `firstFailure`.
    private let lock = NSLock()
    /// The reason the first failed write failed.
    private var firstFailure: String?

    /// Creates a sink for standard output.
    public init() {}

    /// Writes `text` to file descriptor 1 at once. A failed write (a full disk, `/dev/full`, a
    /// closed file) is remembered in `writeFailure`; later writes are skipped.
    public func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard firstFailure == nil else { return }
        if let code = POSIX.writeAll(Array(text.utf8), to: 1) { firstFailure = POSIX.reason(code) }
    }

    /// Why a write to standard output failed, or `nil` when every write so far succeeded.
    public var writeFailure: String? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }
}

/// Standard error (file descriptor 2), written unbuffered so that messages are complete and
/// in order however the process ends.
public final class StandardError: TextSink, Sendable {
    /// Creates a sink for standard error.
    public init() {}

    /// Whether file descriptor 2 is a terminal.
    public var isTerminal: Bool { isatty(2) != 0 }

    /// Writes `text` to file descriptor 2 at once; a failing stream is ignored.
    public func write(_ text: String) {
        _ = POSIX.writeAll(Array(text.utf8), to: 2)
    }
}
