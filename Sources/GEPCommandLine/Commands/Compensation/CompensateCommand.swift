import GEPAnalysis
import GEPCore
import GEPReport

/// `gep compensate`: an ecological-compensation quote from a quote file.
enum CompensateCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "compensate",
            abstract: "Compute an ecological-compensation quote (water quantity–quality, GEP spill-over or GEP increment).",
            discussion: """
            Reads a quote file (see samples/lianping/compensation/), builds the county account(s) it names \
            (paths relative to the quote file) with the input's coefficient sets, computes the scheme's amount \
            with every part, unit and source, checks it against [opportunity cost, ecosystem-service value], \
            gives a low–high band from the coefficients' ranges, splits the rounded total among the payers \
            (largest remainder) and prints a SHA-256 of all inputs.
            """,
            arguments: [ArgumentSpec(name: "quote", help: "The quote file (JSON).")],
            options: [
                OptionSpec(name: "format", valueName: "format", help: "Output format.", allowedValues: ["markdown", "json", "table"], defaultValue: "table"),
                CommonOptions.output,
            ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        let path = arguments.positionals[0]
        let bytes = try InputFile.read(path, relativeTo: context.workingDirectory)
        let quote = try QuoteSpec.parse(bytes, file: path)
        let current = try county(quote.countyInput, besides: path, context: context)
        var previous: QuoteCountyInput?
        if case let .gepIncrement(previousInput, _, _) = quote.scheme {
            previous = try county(previousInput, besides: path, context: context)
        }
        let coefficients = try CommonOptions.effectiveCoefficients(setID: current.input.coefficientSet, arguments: arguments, context: context)
        let result = try QuoteEngine.quote(spec: quote, quoteFile: path, quoteBytes: bytes, current: current, previous: previous, coefficients: coefficients)
        let text = CompensationReport.render(result, format: CommonOptions.format(arguments, default: .table))
        try CommonOptions.emit(text, arguments: arguments, context: context)
    }

    /// Reads a county input named in a quote, resolving a relative path against the quote file's directory.
    static func county(_ name: String, besides quotePath: String, context: CommandContext) throws(GEPError) -> QuoteCountyInput {
        var path = name
        if !name.hasPrefix("/"), let slash = quotePath.lastIndex(of: "/") {
            path = String(quotePath[...slash]) + name
        }
        let bytes = try InputFile.read(path, relativeTo: context.workingDirectory)
        return QuoteCountyInput(input: try CountyInput.parse(bytes, file: path), bytes: bytes)
    }
}
