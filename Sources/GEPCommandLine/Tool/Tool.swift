import GEPCore

/// The `gep` command-line tool: a tree of commands and the rules for dispatching to them.
///
/// `run(arguments:context:)` does everything a process would do (print help, the version or
/// errors, run a command) except exit, so that tests can run whole invocations in-process.
public struct Tool: Sendable {
    /// The program name shown in usage and help, such as `gep`.
    public let name: String
    /// The text printed by `--version`.
    public let version: String
    /// One line shown after OVERVIEW in the top-level help.
    public let abstract: String
    /// The top-level commands and groups.
    public let commands: [CommandNode]

    /// Creates the tool.
    public init(name: String, version: String, abstract: String, commands: [CommandNode]) {
        self.name = name
        self.version = version
        self.abstract = abstract
        self.commands = commands
    }

    /// Runs one invocation and returns its exit status.
    ///
    /// Help and the version go to `context.stdout` with status 0. Errors go to
    /// `context.stderr` as `Error: …` (usage errors followed by the command's usage) with the
    /// error's sysexits(3) status; running with no subcommand prints short help to
    /// `context.stderr` with status 64. An invocation whose standard output could not be
    /// written completely fails with status 74. Never traps and never calls `exit()`.
    ///
    /// - Parameter arguments: The command line without the program name.
    public func run(arguments: [String], context: CommandContext) -> Int32 {
        let status = dispatch(arguments[...], in: root, context: context)
        guard status == 0, let failure = context.stdout.writeFailure else { return status }
        let error = GEPError.io(path: "standard output", reason: failure)
        context.stderr.write("Error: \(error)\n")
        return error.exitCode
    }

    /// The tool itself, as the group at the top of the tree.
    private var root: CommandGroup {
        CommandGroup(spec: CommandSpec(name: name, abstract: abstract), children: commands, path: [name])
    }

    /// Chooses what the words after a group's name ask for and does it.
    private func dispatch(_ words: ArraySlice<String>, in group: CommandGroup, context: CommandContext) -> Int32 {
        guard let word = words.first else {
            let text = group.isRoot
                ? HelpRenderer.shortHelp(path: group.path, subcommands: group.subcommands)
                : help(for: group)
            context.stderr.write(text)
            return GEPError.usage("").exitCode
        }
        if ArgumentParser.isHelp(word) {
            context.stdout.write(help(for: group))
            return 0
        }
        if group.isRoot, word == "--version" {
            context.stdout.write(version + "\n")
            return 0
        }
        let entry: CommandGroup.Entry
        do throws(GEPError) {
            if word.hasPrefix("-"), word.count > 1 {
                throw .unknownOption(word, candidates: options(of: group).map(\.name))
            }
            entry = try group.entry(named: word)
        } catch {
            return report(error, usage: HelpRenderer.groupUsage(path: group.path), path: group.path, context: context)
        }
        let rest = words.dropFirst()
        switch entry {
        case let .group(subgroup):
            return dispatch(rest, in: subgroup, context: context)
        case let .command(command):
            return execute(command, arguments: Array(rest), path: group.path + [command.spec.name], context: context)
        case .help:
            return showHelp(Array(rest), context: context)
        }
    }

    /// Parses a command's arguments and runs it, or prints its help.
    private func execute(_ command: any Command.Type, arguments: [String], path: [String], context: CommandContext) -> Int32 {
        let spec = command.spec
        do {
            switch try ArgumentParser(spec: spec).parse(arguments) {
            case .help:
                context.stdout.write(HelpRenderer.commandHelp(spec, path: path))
            case let .run(parsed):
                try command.run(parsed, context: context)
            }
            return 0
        } catch {
            return report(error, usage: HelpRenderer.usage(of: spec, path: path), path: path, context: context)
        }
    }

    /// `gep help [<subcommands> ...]`: prints the help of the named command or group.
    private func showHelp(_ arguments: [String], context: CommandContext) -> Int32 {
        let path = [name, CommandGroup.helpSpec.name]
        do {
            switch try ArgumentParser(spec: CommandGroup.helpSpec).parse(arguments) {
            case .help:
                context.stdout.write(HelpRenderer.commandHelp(CommandGroup.helpSpec, path: path))
            case let .run(parsed):
                context.stdout.write(try help(forPath: parsed.positionals))
            }
            return 0
        } catch {
            return report(error, usage: HelpRenderer.usage(of: CommandGroup.helpSpec, path: path), path: path, context: context)
        }
    }

    /// The help of the command or group that a list of subcommand names leads to.
    private func help(forPath names: [String]) throws(GEPError) -> String {
        var group = root
        for (index, word) in names.enumerated() {
            let isLast = index == names.count - 1
            switch try group.entry(named: word) {
            case let .group(subgroup):
                group = subgroup
                continue
            case let .command(command) where isLast:
                return HelpRenderer.commandHelp(command.spec, path: group.path + [command.spec.name])
            case .help where isLast:
                return HelpRenderer.commandHelp(CommandGroup.helpSpec, path: group.path + [word])
            case .command, .help:
                throw .usage("Unexpected argument '\(names[index + 1])'")
            }
        }
        return help(for: group)
    }

    /// The full help of a group, or of the tool at the root.
    private func help(for group: CommandGroup) -> String {
        HelpRenderer.groupHelp(group.spec, path: group.path, options: options(of: group), subcommands: group.subcommands)
    }

    /// The options a group accepts before its subcommand: `--help`, and at the root `--version`.
    private func options(of group: CommandGroup) -> [OptionSpec] {
        group.isRoot ? [HelpRenderer.versionOption, HelpRenderer.helpOption] : [HelpRenderer.helpOption]
    }

    /// Prints an error, and for usage errors the usage line and where to find help;
    /// returns the error's exit status.
    private func report(_ error: GEPError, usage: String, path: [String], context: CommandContext) -> Int32 {
        var text = "Error: \(error)\n"
        if case .usage = error {
            text += "Usage: \(usage)\n  See '\(path.joined(separator: " ")) --help' for more information.\n"
        }
        context.stderr.write(text)
        return error.exitCode
    }
}
