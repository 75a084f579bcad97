import GEPCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output (file descriptor 1), written unbuffered so that output is complete and
/// in order however the process ends.
public final class StandardOutput: TextSink, Sendable {
    /// Creates a sink for standard output.
    public init() {}

    /// Writes `text` to file descriptor 1 at once; a failing stream (such as a closed pipe) is ignored.
    public func write(_ text: String) {
        _ = POSIX.writeAll(Array(text.utf8), to: 1)
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
