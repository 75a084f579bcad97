/// A positional argument of a command, such as `<input>`.
///
/// Positionals are matched in the order they are declared: required ones first, then
/// optional ones, and at most one repeating argument, last.
public struct ArgumentSpec: Sendable {
    /// The name shown as `<name>` in usage and help.
    public var name: String
    /// One sentence for the ARGUMENTS section of help.
    public var help: String
    /// Whether the argument may be left out.
    public var optional: Bool
    /// Whether the argument takes every remaining positional value.
    public var repeating: Bool

    /// Creates a positional argument, required and single unless stated otherwise.
    public init(name: String, help: String, optional: Bool = false, repeating: Bool = false) {
        self.name = name
        self.help = help
        self.optional = optional
        self.repeating = repeating
    }
}
