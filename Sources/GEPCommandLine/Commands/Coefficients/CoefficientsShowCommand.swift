import GEPCore
import GEPReport

/// `gep coefficients show`: the effective coefficient set and where each value came from.
enum CoefficientsShowCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "show",
            abstract: "Print the effective coefficient set with the source of every value.",
            discussion: """
            Resolves a coefficient set from the shipped library (following its 'extends' chain), layers any \
            --coefficients files and --set overrides over it, and prints every coefficient in force: value, \
            unit, base year, range, the layer it came from, the values it replaced, and its citation.
            """,
            options: [
                OptionSpec(name: "coefficient-set", valueName: "id", help: "The library set to start from (default: the --input file's set, else national)."),
                OptionSpec(name: "input", valueName: "file", help: "Take the coefficient set named in this county input file."),
                CommonOptions.coefficients, CommonOptions.set,
                CommonOptions.format(default: .table), CommonOptions.language, CommonOptions.output,
            ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        _ = try CommonOptions.overrides(arguments)
        var setID = arguments.value("coefficient-set"), namedIn: String?
        if setID == nil, let path = arguments.value("input") {
            let bytes = try InputFile.read(path, relativeTo: context.workingDirectory)
            setID = try InputKind.parsing(bytes, file: path, expected: [.countyInput], command: "gep coefficients show --input") { () throws(GEPError) in
                try CountyInput.parse(bytes, file: path)
            }.coefficientSet
            namedIn = path
        }
        let effective = try CommonOptions.effectiveCoefficients(setID: setID ?? "national", namedIn: namedIn, arguments: arguments, context: context)
        let text = CoefficientsReport.render(effective, format: CommonOptions.format(arguments, default: .table), language: CommonOptions.language(arguments))
        try CommonOptions.emit(text, arguments: arguments, context: context)
    }
}
