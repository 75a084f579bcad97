/// A named command-line option: either `--name <value>` or a value-less `--name` flag.
public struct OptionSpec: Sendable {
    /// The long name without dashes, such as `format` for `--format`.
    public var name: String
    /// A one-letter alias, such as `o` for `-o`; `nil` when there is none.
    public var short: Character?
    /// The placeholder shown as `<valueName>` in help; `nil` makes the option a flag.
    public var valueName: String?
    /// One sentence for the OPTIONS section of help.
    public var help: String
    /// Whether the option may be given several times; its values are kept in order.
    public var repeatable: Bool
    /// The only values accepted, when set; anything else is a usage error that lists them.
    public var allowedValues: [String]?
    /// The value used when the option is not given, shown in help as `(default: …)`.
    public var defaultValue: String?
    /// Whether the command cannot run without it: shown without brackets in the usage line,
    /// and a usage error (naming every missing one) when absent.
    public var isRequired: Bool

    /// Creates an option; leave `valueName` `nil` for a flag.
    public init(
        name: String,
        short: Character? = nil,
        valueName: String? = nil,
        help: String,
        repeatable: Bool = false,
        allowedValues: [String]? = nil,
        defaultValue: String? = nil,
        isRequired: Bool = false
    ) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.help = help
        self.repeatable = repeatable
        self.allowedValues = allowedValues
        self.defaultValue = defaultValue
        self.isRequired = isRequired
    }

    /// Whether the option is a flag, taking no value.
    var isFlag: Bool { valueName == nil }
}
