import GEPCommandLine
import GEPCore
import Testing

/// A command whose labels sit either side of the 24-character limit and whose texts need wrapping.
enum LayoutCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "layout",
            abstract: "Exercise the help layout with labels near the limit and text that runs well past eighty columns.",
            discussion: "The first paragraph is long enough that it has to be wrapped onto a second line of the help page.\n\nThe second paragraph is short.",
            arguments: [ArgumentSpec(name: "files", help: "Any number of files.", optional: true, repeating: true)],
            options: [
                OptionSpec(name: "twenty-one-characters", help: "The label is 23 characters, so this text stays on its line."),
                OptionSpec(name: "abcdefghijklmnopqrstuv", help: "The label is 24 characters, so this text starts on the next line."),
                OptionSpec(name: "year", valueName: "year", help: "The accounting year.", repeatable: true, defaultValue: "2020"),
                OptionSpec(name: "unit", valueName: "unit", help: "", allowedValues: ["yuan", "wan-yuan"]),
            ]
        )
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {}
}

@Suite struct HelpRenderingTests {
    @Test func commandHelp() {
        #expect(gep("echo", "--help").stdout == """
            OVERVIEW: Print the parsed arguments back.

            Each option is printed on its own line, in a fixed order, so that tests can
            compare the whole output.

            USAGE: gep echo <input> [<label>] [--coefficients <file> ...]
                   [--format <format>] [--output <file>] [--quiet]

            ARGUMENTS:
              <input>                 The input file.
              <label>                 An optional label.

            OPTIONS:
              -c, --coefficients <file>
                                      A coefficient table; may be given several times.
              --format <format>       The output format. (values: table, json, csv; default:
                                      table)
              -o, --output <file>     Where to write the result.
              -q, --quiet             Print nothing but the result.
              -h, --help              Show help information.

            """)
    }

    @Test func topLevelHelp() {
        #expect(gep("--help").stdout == """
            OVERVIEW: Gross ecosystem product accounting.

            USAGE: gep <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              echo                    Print the parsed arguments back.
              coefficients            Inspect coefficient tables.
              fail                    Fail in the way asked.
              help                    Show subcommand help information.

              See 'gep help <subcommand>' for detailed help.

            """)
    }

    @Test func shortHelpOfTheBareTool() {
        #expect(gep().stderr == """
            USAGE: gep <subcommand>

            SUBCOMMANDS:
              echo                    Print the parsed arguments back.
              coefficients            Inspect coefficient tables.
              fail                    Fail in the way asked.
              help                    Show subcommand help information.

              See 'gep help <subcommand>' for detailed help.

            """)
    }

    @Test func groupHelp() {
        #expect(gep("coefficients", "--help").stdout == """
            OVERVIEW: Inspect coefficient tables.

            USAGE: gep coefficients <subcommand>

            OPTIONS:
              -h, --help              Show help information.

            SUBCOMMANDS:
              show                    Show one coefficient table.

              See 'gep help coefficients <subcommand>' for detailed help.

            """)
    }

    @Test func helpOfTheHelpSubcommand() {
        #expect(gep("help", "help").stdout == """
            OVERVIEW: Show subcommand help information.

            USAGE: gep help [<subcommands> ...]

            ARGUMENTS:
              <subcommands>           The subcommand to show help for.

            OPTIONS:
              -h, --help              Show help information.

            """)
        #expect(gep("help", "--help").stdout == gep("help", "help").stdout)
    }

    @Test func layoutNearTheLimits() {
        let stdout = StringSink()
        let tool = Tool(name: "gep", version: "0", abstract: "", commands: [.command(LayoutCommand.self)])
        let status = tool.run(arguments: ["layout", "-h"], context: CommandContext(stdout: stdout, stderr: StringSink(), environment: [:], workingDirectory: "/"))
        #expect(status == 0)
        #expect(stdout.text == """
            OVERVIEW: Exercise the help layout with labels near the limit and text that runs
            well past eighty columns.

            The first paragraph is long enough that it has to be wrapped onto a second line
            of the help page.

            The second paragraph is short.

            USAGE: gep layout [<files> ...] [--twenty-one-characters]
                   [--abcdefghijklmnopqrstuv] [--year <year> ...] [--unit <unit>]

            ARGUMENTS:
              <files>                 Any number of files.

            OPTIONS:
              --twenty-one-characters The label is 23 characters, so this text stays on its
                                      line.
              --abcdefghijklmnopqrstuv
                                      The label is 24 characters, so this text starts on the
                                      next line.
              --year <year>           The accounting year. (default: 2020)
              --unit <unit>           (values: yuan, wan-yuan)
              -h, --help              Show help information.

            """)
        #expect(stdout.text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func topLevelWithoutAbstractHasNoOverview() {
        let stdout = StringSink()
        let tool = Tool(name: "gep", version: "0", abstract: "", commands: [.command(LayoutCommand.self)])
        _ = tool.run(arguments: ["--help"], context: CommandContext(stdout: stdout, stderr: StringSink(), environment: [:], workingDirectory: "/"))
        #expect(stdout.text.hasPrefix("USAGE: gep <subcommand>\n"))
    }
}
