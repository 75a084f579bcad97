import GEPCommandLine
import GEPCore
import Testing

/// The usage lines printed after every parse error of `gep echo`.
private let echoUsage = """
    Usage: gep echo <input> [<label>] [--coefficients <file> ...] [--format <format>] [--output <file>] [--quiet]
      See 'gep echo --help' for more information.

    """

/// A command line of `gep echo` that must fail, and the message and hint it must fail with.
struct ParseErrorCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var message: String
    var hint: String?

    var testDescription: String { arguments.joined(separator: " ") }
}

@Suite struct ArgumentParsingTests {
    @Test func everySpellingOfOptionsIsAccepted() {
        let result = gep("echo", "a.json", "-c", "x.json", "--coefficients=y.json", "--coefficients", "z.json", "--format", "json", "-o", "out.csv", "-q")
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == """
            positionals: ["a.json"]
            coefficients: ["x.json", "y.json", "z.json"]
            format: json
            output: out.csv
            quiet: true

            """)
    }

    @Test func optionsMayComeBeforeAndBetweenPositionals() {
        let result = gep("echo", "--format=csv", "a.json", "-q", "north")
        #expect(result.status == 0)
        #expect(result.stdout == """
            positionals: ["a.json", "north"]
            coefficients: []
            format: csv
            output: -
            quiet: true

            """)
    }

    @Test func absentOptionsHaveNoValue() {
        let result = gep("echo", "a.json")
        #expect(result.stdout == """
            positionals: ["a.json"]
            coefficients: []
            format: -
            output: -
            quiet: false

            """)
    }

    @Test func doubleDashEndsOptions() {
        let result = gep("echo", "--", "--quiet", "-o")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("positionals: [\"--quiet\", \"-o\"]\n"))
        #expect(result.stdout.hasSuffix("quiet: false\n"))
    }

    @Test func singleDashIsAPositional() {
        #expect(gep("echo", "-").stdout.hasPrefix("positionals: [\"-\"]\n"))
    }

    @Test func valueStartingWithOneDashIsAccepted() {
        let result = gep("echo", "a.json", "-o", "-5")
        #expect(result.status == 0)
        #expect(result.stdout.contains("output: -5\n"))
    }

    @Test func longValueThatLooksLikeAnUnknownOptionIsAccepted() {
        let result = gep("echo", "a.json", "--output", "--not-an-option")
        #expect(result.status == 0)
        #expect(result.stdout.contains("output: --not-an-option\n"))
    }

    @Test func helpAnywhereWinsOverErrors() {
        let help = gep("echo", "--help").stdout
        let result = gep("echo", "--fromat", "x", "extra", "more", "-h")
        #expect(result.status == 0)
        #expect(result.stdout == help)
        #expect(result.stderr.isEmpty)
    }

    @Test func helpAfterDoubleDashIsAPositional() {
        let result = gep("echo", "a.json", "--", "--help")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("positionals: [\"a.json\", \"--help\"]\n"))
    }

    @Test(arguments: [
        ParseErrorCase(arguments: ["a.json", "--fromat", "json"], message: "Unknown option '--fromat'", hint: "did you mean '--format'?"),
        ParseErrorCase(arguments: ["a.json", "--fromat=json"], message: "Unknown option '--fromat'", hint: "did you mean '--format'?"),
        ParseErrorCase(arguments: ["a.json", "--coeficients", "x"], message: "Unknown option '--coeficients'", hint: "did you mean '--coefficients'?"),
        ParseErrorCase(arguments: ["a.json", "--hlep"], message: "Unknown option '--hlep'", hint: "did you mean '--help'?"),
        ParseErrorCase(arguments: ["a.json", "--fmt", "json"], message: "Unknown option '--fmt'"),
        ParseErrorCase(arguments: ["a.json", "-x"], message: "Unknown option '-x'"),
        ParseErrorCase(arguments: ["a.json", "-qo", "x"], message: "Unknown option '-qo'"),
        ParseErrorCase(arguments: ["a.json", "--format"], message: "Missing value for '--format'"),
        ParseErrorCase(arguments: ["a.json", "--output", "--quiet"], message: "Missing value for '--output'"),
        ParseErrorCase(arguments: ["a.json", "-o", "-q"], message: "Missing value for '--output'"),
        ParseErrorCase(arguments: ["a.json", "--output", "--format=csv"], message: "Missing value for '--output'"),
        ParseErrorCase(arguments: ["a.json", "-o", "--", "x"], message: "Missing value for '--output'"),
        ParseErrorCase(arguments: ["a.json", "--quiet=yes"], message: "Flag '--quiet' does not take a value"),
        ParseErrorCase(arguments: ["a.json", "--format", "json", "--format=csv"], message: "Option '--format' was given more than once"),
        ParseErrorCase(arguments: ["a.json", "-q", "--quiet"], message: "Option '--quiet' was given more than once"),
        ParseErrorCase(arguments: ["a.json", "--format", "xml"], message: "Invalid value 'xml' for '--format'", hint: "expected one of: table, json, csv"),
        ParseErrorCase(arguments: ["a.json", "--format="], message: "Invalid value '' for '--format'", hint: "expected one of: table, json, csv"),
        ParseErrorCase(arguments: [], message: "Missing expected argument '<input>'"),
        ParseErrorCase(arguments: ["-q"], message: "Missing expected argument '<input>'"),
        ParseErrorCase(arguments: ["a.json", "north", "south"], message: "Unexpected argument 'south'"),
        ParseErrorCase(arguments: ["a.json", "north", "--", "-q"], message: "Unexpected argument '-q'"),
    ])
    func parseErrorsAreUsageErrors(_ errorCase: ParseErrorCase) {
        let result = gep(["echo"] + errorCase.arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        let hintLine = errorCase.hint.map { "Help:  \($0)\n" } ?? ""
        #expect(result.stderr == "Error: \(errorCase.message)\n" + hintLine + echoUsage)
    }

    @Test func parsedArgumentsCanBeMadeDirectly() {
        let arguments = ParsedArguments(values: ["coefficients": ["x", "y"]], flags: ["quiet"], positionals: ["a.json"])
        #expect(arguments.value("coefficients") == "y")
        #expect(arguments.values("coefficients") == ["x", "y"])
        #expect(arguments.value("format") == nil)
        #expect(arguments.values("format").isEmpty)
        #expect(arguments.flag("quiet"))
        #expect(!arguments.flag("verbose"))
        #expect(arguments.positionals == ["a.json"])
    }
}
