import GEPCore

/// A level of the command tree where a subcommand name is expected: the tool itself or a group.
struct CommandGroup {
    /// What a subcommand name can lead to.
    enum Entry {
        /// A nested group.
        case group(CommandGroup)
        /// A runnable command.
        case command(any Command.Type)
        /// The built-in `help` subcommand (only at the root).
        case help
    }

    /// The built-in `help` subcommand, listed at the root.
    static let helpSpec = CommandSpec(
        name: "help",
        abstract: "Show subcommand help information.",
        arguments: [
            ArgumentSpec(name: "subcommands", help: "The subcommand to show help for.", optional: true, repeating: true)
        ]
    )

    /// The group's declaration (at the root, the tool's name and abstract).
    let spec: CommandSpec
    /// The commands and groups inside.
    let children: [CommandNode]
    /// The words that lead here, starting with the program name.
    let path: [String]

    /// Whether this is the tool itself rather than a nested group.
    var isRoot: Bool { path.count == 1 }

    /// The subcommands listed in help, including `help` at the root.
    var subcommands: [CommandSpec] {
        children.map(\.spec) + (isRoot ? [Self.helpSpec] : [])
    }

    /// The entry a subcommand name selects.
    /// - Throws: A usage error naming the unknown word and suggesting the nearest name.
    func entry(named word: String) throws(GEPError) -> Entry {
        if isRoot, word == Self.helpSpec.name {
            return .help
        }
        switch children.first(where: { $0.spec.name == word }) {
        case let .group(spec, nodes):
            return .group(CommandGroup(spec: spec, children: nodes, path: path + [spec.name]))
        case let .command(command):
            return .command(command)
        case nil:
            throw .unknownSubcommand(word, candidates: subcommands.map(\.name))
        }
    }
}
