/// Builds help pages and usage lines in the look of swift-argument-parser.
enum HelpRenderer {
    /// The `-h, --help` option every command and group accepts.
    static let helpOption = OptionSpec(name: "help", short: "h", help: "Show help information.")
    /// The `--version` option the tool itself accepts.
    static let versionOption = OptionSpec(name: "version", help: "Show the version.")

    /// The one-line synopsis of a command, such as
    /// `gep account <input> [--coefficients <file> ...] [--format <format>]`.
    static func usage(of spec: CommandSpec, path: [String]) -> String {
        usageElements(of: spec, path: path).joined(separator: " ")
    }

    /// The one-line synopsis of a group, such as `gep coefficients <subcommand>`.
    static func groupUsage(path: [String]) -> String {
        (path + ["<subcommand>"]).joined(separator: " ")
    }

    /// The full help of a command.
    static func commandHelp(_ spec: CommandSpec, path: [String]) -> String {
        page(
            overview: spec,
            usage: usageElements(of: spec, path: path),
            sections: [
                ("ARGUMENTS", spec.arguments.map { TextLayout.row(label: "<\($0.name)>", text: $0.help) }),
                ("OPTIONS", (spec.options + [helpOption]).map(optionRow)),
            ]
        )
    }

    /// The full help of a group or of the tool: its options and subcommands.
    static func groupHelp(_ spec: CommandSpec, path: [String], options: [OptionSpec], subcommands: [CommandSpec]) -> String {
        page(
            overview: spec,
            usage: path + ["<subcommand>"],
            sections: [
                ("OPTIONS", options.map(optionRow)),
                ("SUBCOMMANDS", subcommands.map(subcommandRow)),
            ],
            footer: footer(path: path)
        )
    }

    /// The help shown when the tool is run with no arguments: usage and subcommands only.
    static func shortHelp(path: [String], subcommands: [CommandSpec]) -> String {
        page(
            overview: nil,
            usage: path + ["<subcommand>"],
            sections: [("SUBCOMMANDS", subcommands.map(subcommandRow))],
            footer: footer(path: path)
        )
    }

    /// Joins the parts of a help page with blank lines; empty sections are left out.
    private static func page(
        overview: CommandSpec?,
        usage: [String],
        sections: [(title: String, rows: [String])],
        footer: String? = nil
    ) -> String {
        var blocks: [String] = []
        if let overview {
            if !overview.abstract.isEmpty {
                blocks.append(TextLayout.wrap(overview.abstract, prefix: "OVERVIEW: "))
            }
            if let discussion = overview.discussion {
                blocks.append(TextLayout.wrap(discussion))
            }
        }
        blocks.append(TextLayout.fill(usage, prefix: "USAGE: ", indent: "USAGE: ".count).joined(separator: "\n"))
        for section in sections where !section.rows.isEmpty {
            blocks.append("\(section.title):\n" + section.rows.joined(separator: "\n"))
        }
        if let footer {
            blocks.append(footer)
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The command path, then the positionals, then the options, each as one unbreakable element.
    private static func usageElements(of spec: CommandSpec, path: [String]) -> [String] {
        let arguments = spec.arguments.map { argument in
            let element = "<\(argument.name)>" + (argument.repeating ? " ..." : "")
            return argument.optional ? "[\(element)]" : element
        }
        let options = spec.options.map { option in
            let value = option.valueName.map { " <\($0)>" } ?? ""
            let element = "--\(option.name)\(value)\(option.repeatable ? " ..." : "")"
            return option.isRequired ? element : "[\(element)]"
        }
        return path + arguments + options
    }

    /// `-o, --name <value>` and the help text with its allowed values and default.
    private static func optionRow(_ option: OptionSpec) -> String {
        let label = (option.short.map { "-\($0), " } ?? "") + "--\(option.name)"
            + (option.valueName.map { " <\($0)>" } ?? "")
        var notes: [String] = []
        if let allowed = option.allowedValues {
            notes.append("values: " + allowed.joined(separator: ", "))
        }
        if let defaultValue = option.defaultValue {
            notes.append("default: " + defaultValue)
        }
        let text = notes.isEmpty ? option.help : option.help + " (" + notes.joined(separator: "; ") + ")"
        return TextLayout.row(label: label, text: text)
    }

    /// A subcommand's name and abstract.
    private static func subcommandRow(_ spec: CommandSpec) -> String {
        TextLayout.row(label: spec.name, text: spec.abstract)
    }

    /// `  See 'gep help <subcommand>' for detailed help.`, naming the group's path.
    private static func footer(path: [String]) -> String {
        let words = [path[0], "help"] + path.dropFirst() + ["<subcommand>"]
        return "  See '\(words.joined(separator: " "))' for detailed help."
    }
}
