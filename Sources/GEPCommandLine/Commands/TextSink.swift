/// A destination for text, such as standard output, standard error or a string in a test.
public protocol TextSink: AnyObject {
    /// Writes `text` as is; callers include their own newlines.
    func write(_ text: String)
}

/// A sink that keeps everything written to it, for tests.
public final class StringSink: TextSink {
    /// Everything written so far.
    public private(set) var text = ""

    /// Creates an empty sink.
    public init() {}

    /// Appends `text`.
    public func write(_ text: String) {
        self.text += text
    }
}
