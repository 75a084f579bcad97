/// The declaration of one command or command group: its name, help text and inputs.
public struct CommandSpec: Sendable {
    /// The word that selects the command, such as `account`; for a nested command the leaf (`show`).
    public var name: String
    /// One line, shown after OVERVIEW and in the parent's SUBCOMMANDS list.
    public var abstract: String
    /// Paragraphs shown under the abstract in the command's help.
    public var discussion: String?
    /// The positional arguments, in order.
    public var arguments: [ArgumentSpec]
    /// The options and flags; `-h, --help` is always added.
    public var options: [OptionSpec]

    /// Creates a command declaration.
    public init(
        name: String,
        abstract: String,
        discussion: String? = nil,
        arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
    }
}
