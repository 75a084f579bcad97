import GEPCore
import GEPReport
import GEPServices

/// `gep account`: a county's GEP account for one accounting year.
enum AccountCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "account",
            abstract: "Compute a county's GEP account: every service, physical and in yuan.",
            discussion: """
            Reads a county input file (see samples/lianping/lianping-2023.json), resolves the coefficient sets \
            it names (national → province → county, then --coefficients files, then --set overrides), \
            computes each service's physical quantity, values it at the chosen price basis, and reports \
            GEP by category, service and ecosystem type, with assets kept apart and the two-mountains indicators.
            """,
            arguments: [ArgumentSpec(name: "input", help: "The county input file (JSON).")],
            options: [
                CommonOptions.coefficients, CommonOptions.set,
                OptionSpec(name: "year", valueName: "yyyy", help: "Accounting year whose price level current prices refer to (default: the input's)."),
                OptionSpec(name: "prices", valueName: "basis", help: "current, or constant:YYYY for constant prices of that year (compare years at constant prices).",
                           defaultValue: "current"),
                CommonOptions.format(default: .table), CommonOptions.language, CommonOptions.output,
            ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        var year: Int?
        if let text = arguments.value("year") {
            guard let value = Int(text), (1950...2100).contains(value) else {
                throw .usage("Invalid value '\(text)' for '--year'", hint: "give a four-digit year such as 2023")
            }
            year = value
        }
        _ = try CommonOptions.overrides(arguments)
        let path = arguments.positionals[0]
        let bytes = try InputFile.read(path, relativeTo: context.workingDirectory)
        let input = try InputKind.parsing(bytes, file: path, expected: [.countyInput], command: "gep account") { () throws(GEPError) in
            try CountyInput.parse(bytes, file: path)
        }
        let coefficients = try CommonOptions.effectiveCoefficients(setID: input.coefficientSet, namedIn: input.file, arguments: arguments, context: context)
        let basis = try CommonOptions.priceBasis(arguments, coefficients: coefficients)
        let account = try AccountBuilder.build(input: input, coefficients: coefficients, year: year, priceBasis: basis)
        let text = AccountReport.render(account, format: CommonOptions.format(arguments, default: .table), language: CommonOptions.language(arguments))
        try CommonOptions.emit(text, arguments: arguments, context: context)
    }
}
