/// A destination for text, such as standard output, standard error or a string in a test.
public protocol TextSink: AnyObject {
    /// Writes `text` as is; callers include their own newlines.
    func write(_ text: String)
    /// Whether a person watches this stream (progress lines go only to a terminal).
    var isTerminal: Bool { get }
    /// Why a write failed (such as "no space left on device"), or `nil` when every write so
    /// far reached its destination. A command whose results could not be written fails.
    var writeFailure: String? { get }
}

extension TextSink {
    /// Not a terminal unless the sink says so.
    public var isTerminal: Bool { false }
    /// Writes do not fail unless the sink says so.
    public var writeFailure: String? { nil }
}

/// A sink that keeps everything written to it, for tests.
public final class StringSink: TextSink {
    /// Everything written so far.
    public private(set) var text = ""

    /// Whether to behave as a terminal (to test progress lines).
    public let isTerminal: Bool
    /// After this many bytes the sink refuses writes, as a full disk does (for tests).
    public let capacity: Int?
    /// Set once a write did not fit in `capacity`.
    public private(set) var writeFailure: String?

    /// Creates an empty sink; with a `capacity`, writes beyond it fail with "no space left on device".
    public init(isTerminal: Bool = false, capacity: Int? = nil) {
        self.isTerminal = isTerminal
        self.capacity = capacity
    }

    /// Appends `text`, or records a failure when it does not fit in `capacity`.
    public func write(_ text: String) {
        guard writeFailure == nil else { return }
        if let capacity, self.text.utf8.count + text.utf8.count > capacity {
            writeFailure = "no space left on device"
            return
        }
        self.text += text
    }
}
