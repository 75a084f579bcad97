import GEPCore

/// One runnable `gep` subcommand: its declaration and what it does.
public protocol Command: Sendable {
    /// The command's name, help text, arguments and options.
    static var spec: CommandSpec { get }

    /// Runs the command with arguments already validated against `spec`.
    ///
    /// Results go to `context.stdout`; failures are thrown, and the tool prints them.
    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError)
}

/// An entry in the command tree: a command, or a named group of further entries.
public enum CommandNode: Sendable {
    /// A runnable command.
    case command(any Command.Type)
    /// A group such as `coefficients`, whose entries such as `show` follow its name;
    /// only the spec's name, abstract and discussion are used.
    case group(CommandSpec, [CommandNode])

    /// The declaration of the command or group.
    var spec: CommandSpec {
        switch self {
        case let .command(command): command.spec
        case let .group(spec, _): spec
        }
    }
}
