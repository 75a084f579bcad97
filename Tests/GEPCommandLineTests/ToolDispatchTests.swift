import GEPCommandLine
import GEPCore
import Testing

// MARK: - A small tool to dispatch to

/// Prints back what it was given.
enum EchoCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "echo",
            abstract: "Print the parsed arguments back.",
            discussion: "Each option is printed on its own line, in a fixed order, so that tests can compare the whole output.",
            arguments: [
                ArgumentSpec(name: "input", help: "The input file."),
                ArgumentSpec(name: "label", help: "An optional label.", optional: true),
            ],
            options: [
                OptionSpec(name: "coefficients", short: "c", valueName: "file", help: "A coefficient table; may be given several times.", repeatable: true),
                OptionSpec(name: "format", valueName: "format", help: "The output format.", allowedValues: ["table", "json", "csv"], defaultValue: "table"),
                OptionSpec(name: "output", short: "o", valueName: "file", help: "Where to write the result."),
                OptionSpec(name: "quiet", short: "q", help: "Print nothing but the result."),
            ]
        )
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        context.stdout.write("""
            positionals: \(arguments.positionals)
            coefficients: \(arguments.values("coefficients"))
            format: \(arguments.value("format") ?? "-")
            output: \(arguments.value("output") ?? "-")
            quiet: \(arguments.flag("quiet"))

            """)
    }
}

/// Throws the error its argument names, after printing one line of partial output.
enum FailCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "fail",
            abstract: "Fail in the way asked.",
            arguments: [ArgumentSpec(name: "kind", help: "usage, data, missing, create or io.")]
        )
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        context.stdout.write("started\n")
        switch arguments.positionals[0] {
        case "usage": throw .usage("'--from' must come before '--to'", hint: "swap the two years")
        case "data":
            throw .invalidData([
                Diagnostic(file: "a.json", line: 3, column: 7, path: "services.water", message: "expected a number"),
                Diagnostic(file: "a.json", line: 9, message: "unknown service 'wetland'"),
            ])
        case "missing": throw .missingInput(path: "a.json", reason: "no such file or directory")
        case "create": throw .cannotCreateOutput(path: "out/b.csv", reason: "permission denied")
        default: throw .io(path: "a.json", reason: "input/output error")
        }
    }
}

/// The leaf of the `coefficients` group.
enum ShowCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "show",
            abstract: "Show one coefficient table.",
            arguments: [ArgumentSpec(name: "table", help: "The table's name.")]
        )
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        context.stdout.write("table \(arguments.positionals[0])\n")
    }
}

/// The whole tool under test.
let fakeTool = Tool(
    name: "gep",
    version: "1.2.3",
    abstract: "Gross ecosystem product accounting.",
    commands: [
        .command(EchoCommand.self),
        .group(CommandSpec(name: "coefficients", abstract: "Inspect coefficient tables."), [.command(ShowCommand.self)]),
        .command(FailCommand.self),
    ]
)

/// What one invocation printed and returned.
struct Invocation {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `gep` with these arguments, capturing both streams.
func gep(_ arguments: String...) -> Invocation {
    gep(arguments)
}

/// Runs `gep` with these arguments, capturing both streams.
func gep(_ arguments: [String]) -> Invocation {
    let stdout = StringSink()
    let stderr = StringSink()
    let context = CommandContext(stdout: stdout, stderr: stderr, environment: [:], workingDirectory: "/tmp")
    let status = fakeTool.run(arguments: arguments, context: context)
    return Invocation(status: status, stdout: stdout.text, stderr: stderr.text)
}

// MARK: - Dispatch

@Suite struct ToolDispatchTests {
    @Test func versionGoesToStandardOutput() {
        let result = gep("--version")
        #expect(result.status == 0)
        #expect(result.stdout == "1.2.3\n")
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: [["--help"], ["-h"], ["help"], ["echo", "--help"], ["coefficients", "-h"], ["help", "coefficients", "show"]])
    func helpGoesToStandardOutput(arguments: [String]) {
        let result = gep(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("OVERVIEW: "))
        #expect(result.stderr.isEmpty)
    }

    @Test func helpSpellingsAgree() {
        let top = gep("--help").stdout
        #expect(gep("-h").stdout == top)
        #expect(gep("help").stdout == top)
        let echo = gep("echo", "--help").stdout
        #expect(gep("help", "echo").stdout == echo)
        #expect(gep("echo", "-h").stdout == echo)
        let group = gep("coefficients", "--help").stdout
        #expect(gep("help", "coefficients").stdout == group)
        let show = gep("coefficients", "show", "--help").stdout
        #expect(gep("help", "coefficients", "show").stdout == show)
        #expect(show.hasPrefix("OVERVIEW: Show one coefficient table.\n"))
    }

    @Test func bareInvocationPrintsShortHelpToStandardError() {
        let result = gep()
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("USAGE: gep <subcommand>\n"))
    }

    @Test func groupWithoutSubcommandPrintsGroupHelpToStandardError() {
        let result = gep("coefficients")
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == gep("coefficients", "--help").stdout)
    }

    @Test func unknownSubcommandSuggestsTheNearestName() {
        let result = gep("ecoh", "a.json")
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            Error: Unknown subcommand 'ecoh'
            Help:  did you mean 'echo'?
            Usage: gep <subcommand>
              See 'gep --help' for more information.

            """)
    }

    @Test func unknownSubcommandFarFromEveryNameHasNoHint() {
        #expect(gep("transmogrify").stderr == """
            Error: Unknown subcommand 'transmogrify'
            Usage: gep <subcommand>
              See 'gep --help' for more information.

            """)
    }

    @Test func unknownSubcommandInAGroupNamesTheGroup() {
        let result = gep("coefficients", "shwo")
        #expect(result.status == 64)
        #expect(result.stderr == """
            Error: Unknown subcommand 'shwo'
            Help:  did you mean 'show'?
            Usage: gep coefficients <subcommand>
              See 'gep coefficients --help' for more information.

            """)
    }

    @Test func unknownTopLevelOptionSuggestsVersion() {
        let result = gep("--verison")
        #expect(result.status == 64)
        #expect(result.stderr == """
            Error: Unknown option '--verison'
            Help:  did you mean '--version'?
            Usage: gep <subcommand>
              See 'gep --help' for more information.

            """)
    }

    @Test func helpForAnUnknownSubcommandIsAUsageError() {
        let result = gep("help", "coefficients", "shw")
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            Error: Unknown subcommand 'shw'
            Help:  did you mean 'show'?
            Usage: gep help [<subcommands> ...]
              See 'gep help --help' for more information.

            """)
    }

    @Test func helpPathCannotGoPastACommand() {
        let result = gep("help", "echo", "extra")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: Unexpected argument 'extra'\n"))
    }

    @Test func commandInAGroupRuns() {
        let result = gep("coefficients", "show", "carbon")
        #expect(result.status == 0)
        #expect(result.stdout == "table carbon\n")
    }

    @Test func usageErrorFromACommandPrintsItsUsage() {
        let result = gep("fail", "usage")
        #expect(result.status == 64)
        #expect(result.stdout == "started\n")
        #expect(result.stderr == """
            Error: '--from' must come before '--to'
            Help:  swap the two years
            Usage: gep fail <kind>
              See 'gep fail --help' for more information.

            """)
    }

    @Test func invalidDataPrintsEveryDiagnostic() {
        let result = gep("fail", "data")
        #expect(result.status == 65)
        #expect(result.stdout == "started\n")
        #expect(result.stderr == """
            Error: 2 problems found:
              a.json:3:7: services.water: expected a number
              a.json:9: unknown service 'wetland'

            """)
    }

    @Test(arguments: [
        ("missing", Int32(66), "Error: cannot open input 'a.json': no such file or directory\n"),
        ("create", Int32(73), "Error: cannot create output 'out/b.csv': permission denied\n"),
        ("io", Int32(74), "Error: I/O error on 'a.json': input/output error\n"),
    ])
    func otherErrorsPrintOneLineAndTheirStatus(kind: String, status: Int32, message: String) {
        let result = gep("fail", kind)
        #expect(result.status == status)
        #expect(result.stderr == message)
    }
}
