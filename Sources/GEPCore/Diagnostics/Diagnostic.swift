/// One problem found in a user's input, located as precisely as the input allows.
///
/// A diagnostic names the file, and where known the line and column (1-based) or the
/// JSON path, so that a user can find the offending value. Validation collects every
/// diagnostic it can before failing, so that one run lists all the problems.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file the problem is in, as the user named it; `nil` for command-line values.
    public var file: String?
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// A JSON path such as `services.water_conservation.method`, when known.
    public var path: String?
    /// What is wrong and what was expected.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// The longest message (and JSON path) `description` prints whole, in characters; values
    /// echoed from the input are cut shorter where they are quoted (`String.echoed`).
    public static let messageLimit = 1000

    /// `file:line:column: path: message`, leaving out the parts that are unknown; a path or
    /// message longer than `messageLimit` characters is cut there.
    public var description: String {
        var location = ""
        if let file { location = file }
        if let line {
            location += location.isEmpty ? "line \(line)" : ":\(line)"
            if let column { location += ":\(column)" }
        }
        var text = location.isEmpty ? "" : location + ": "
        if let path, !path.isEmpty { text += "\(path.echoed(limit: Self.messageLimit)): " }
        return text + message.echoed(limit: Self.messageLimit)
    }
}
