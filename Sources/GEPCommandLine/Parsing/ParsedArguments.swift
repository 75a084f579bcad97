import GEPCore

/// The validated inputs of one command invocation.
public struct ParsedArguments: Sendable {
    /// The values given for each option, by long name, in the order given.
    private let optionValues: [String: [String]]
    /// The long names of the flags that were given.
    private let flags: Set<String>
    /// The positional values, in the order given.
    public let positionals: [String]

    /// Creates parsed arguments directly, for running a command without parsing a command line.
    public init(values: [String: [String]] = [:], flags: Set<String> = [], positionals: [String] = []) {
        self.optionValues = values
        self.flags = flags
        self.positionals = positionals
    }

    /// The last value given for the option with this long name, or `nil` if it was not given.
    public func value(_ option: String) -> String? {
        optionValues[option]?.last
    }

    /// The value of an option its spec marks `isRequired` (the parser refuses a command line
    /// without it, so this fails only for an option not marked so).
    public func required(_ option: String) throws(GEPError) -> String {
        guard let value = value(option) else { throw .usage("Missing '--\(option)'") }
        return value
    }

    /// Every value given for the option with this long name, in order.
    public func values(_ option: String) -> [String] {
        optionValues[option] ?? []
    }

    /// Whether the flag with this long name was given.
    public func flag(_ option: String) -> Bool {
        flags.contains(option)
    }
}
