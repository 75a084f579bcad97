/// A destination for text, such as standard output, standard error or a string in a test.
public protocol TextSink: AnyObject {
    /// Writes `text` as is; callers include their own newlines.
    func write(_ text: String)
    /// Whether a person watches this stream (progress lines go only to a terminal).
    var isTerminal: Bool { get }
}

extension TextSink {
    /// Not a terminal unless the sink says so.
    public var isTerminal: Bool { false }
}

/// A sink that keeps everything written to it, for tests.
public final class StringSink: TextSink {
    /// Everything written so far.
    public private(set) var text = ""

    /// Whether to behave as a terminal (to test progress lines).
    public let isTerminal: Bool

    /// Creates an empty sink.
    public init(isTerminal: Bool = false) { self.isTerminal = isTerminal }

    /// Appends `text`.
    public func write(_ text: String) {
        self.text += text
    }
}
