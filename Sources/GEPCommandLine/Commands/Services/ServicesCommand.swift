import GEPCore
import GEPReport

/// `gep services`: the service catalogue with methods, formulas, inputs and coefficients.
enum ServicesCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "services",
            abstract: "List the services: names, units, methods and formulas, inputs and coefficients.",
            options: [CommonOptions.format(default: .table), CommonOptions.language, CommonOptions.output])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        let text = CatalogueReport.render(format: CommonOptions.format(arguments, default: .table), language: CommonOptions.language(arguments))
        try CommonOptions.emit(text, arguments: arguments, context: context)
    }
}
