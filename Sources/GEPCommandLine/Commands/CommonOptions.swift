import GEPCore
import GEPReport

/// Options shared by the commands that read coefficients and write reports, and the steps
/// they share: finding and loading the coefficient library, layering user files and
/// `--set` overrides, and writing the output atomically.
enum CommonOptions {
    static let coefficients = OptionSpec(name: "coefficients", valueName: "file",
                                         help: "A coefficient file layered over the input's coefficient set; may be repeated (later files win).",
                                         repeatable: true)
    static let set = OptionSpec(name: "set", valueName: "id=value",
                                help: "Override one coefficient, in its own unit, for a quick what-if; may be repeated.", repeatable: true)
    static func format(default value: ReportFormat) -> OptionSpec {
        OptionSpec(name: "format", valueName: "format", help: "Output format.", allowedValues: ReportFormat.allCases.map(\.rawValue),
                   defaultValue: value.rawValue)
    }
    static let language = OptionSpec(name: "lang", valueName: "lang", help: "Label language of table and Markdown output.",
                                     allowedValues: ReportLanguage.allCases.map(\.rawValue), defaultValue: ReportLanguage.zh.rawValue)
    static let output = OptionSpec(name: "output", short: "o", valueName: "file",
                                   help: "Write to this file (atomically: a temporary file renamed into place) instead of standard output.")

    /// The `--format` value (allowed values are checked by the parser).
    static func format(_ arguments: ParsedArguments, default value: ReportFormat) -> ReportFormat {
        arguments.value("format").flatMap(ReportFormat.init(rawValue:)) ?? value
    }

    /// The `--lang` value.
    static func language(_ arguments: ParsedArguments) -> ReportLanguage {
        arguments.value("lang").flatMap(ReportLanguage.init(rawValue:)) ?? .zh
    }

    /// The `--set id=value` pairs, or a usage error for a malformed one.
    static func overrides(_ arguments: ParsedArguments) throws(GEPError) -> [(id: String, value: Double)] {
        var result: [(id: String, value: Double)] = []
        for text in arguments.values("set") {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), value.isFinite else {
                throw .usage("Invalid value '\(text)' for '--set'", hint: "write --set <coefficient id>=<number>, e.g. --set price.carbon=136.2")
            }
            result.append((parts[0], value))
        }
        return result
    }

    /// Loads the shipped coefficient library.
    static func library(context: CommandContext) throws(GEPError) -> CoefficientLibrary {
        guard let directory = CoefficientLibrary.locate(environment: context.environment, workingDirectory: context.workingDirectory,
                                                        executablePath: context.executablePath) else {
            throw .missingInput(path: "coefficients/", reason: "the coefficient library was not found next to the gep executable or above the working directory; set GEP_COEFFICIENTS_DIR to its path")
        }
        return try CoefficientLibrary.load(directory: directory)
    }

    /// Resolves the effective coefficients: the library chain to `setID`, then `--coefficients`
    /// files, then `--set` overrides. An override of an unknown id is a usage error (64) with the
    /// nearest id; an unknown set is blamed on `file`, the input that names it (`coefficient_set`).
    static func effectiveCoefficients(setID: String, namedIn file: String? = nil, arguments: ParsedArguments,
                                      context: CommandContext) throws(GEPError) -> EffectiveCoefficients {
        let overrides = try overrides(arguments)
        let library = try library(context: context)
        var userSets: [CoefficientSet] = []
        var problems: [Diagnostic] = []
        for path in arguments.values("coefficients") {
            let bytes = try InputFile.read(path, relativeTo: context.workingDirectory)
            do { userSets.append(try CoefficientSet.parse(bytes, file: path)) } catch {
                guard case let .invalidData(list) = error else { throw error }
                problems += list
            }
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
        let chain: [CoefficientSet]
        do {
            chain = try library.chain(to: setID) + userSets
        } catch {
            guard case let .invalidData(list) = error, let file else { throw error }
            throw .invalidData(list.map { $0.file == nil ? Diagnostic(file: file, path: "coefficient_set", message: $0.message) : $0 })
        }
        let known = Set(chain.flatMap { $0.coefficients.map(\.id) })
        for (id, _) in overrides where !known.contains(id) {
            let hint = EditDistance.nearest(to: id, in: known.sorted()).map { "did you mean '--set \($0)=…'?" }
                ?? "see 'gep coefficients show' for the ids in force"
            throw .usage("Unknown coefficient '\(id)' in '--set \(id)=…'", hint: hint)
        }
        return try EffectiveCoefficients.resolve(library: library, setID: setID, userSets: userSets, overrides: overrides)
    }

    /// `--prices current|constant:YYYY`, checked against the price index of `coefficients`.
    ///
    /// - Throws: `.usage` for a malformed value, or a year the index has no level for (naming
    ///   the years it covers).
    static func priceBasis(_ arguments: ParsedArguments, coefficients: EffectiveCoefficients) throws(GEPError) -> PriceBasis? {
        guard let text = arguments.value("prices") else { return nil }
        guard let basis = PriceBasis(parsing: text) else {
            throw .usage("Invalid value '\(text.echoed())' for '--prices'", hint: "expected 'current' or 'constant:YYYY', e.g. constant:2020")
        }
        let index = coefficients.priceIndex
        if case let .constant(year) = basis, index.levels[year] == nil {
            let covered = index.years.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "no years"
            throw .usage("Invalid value '\(text)' for '--prices': the price index \"\(index.id)\" has no level for \(year) (it covers \(covered))",
                         hint: "choose a year the index covers, e.g. constant:\(index.years?.upperBound ?? 2020)")
        }
        return basis
    }

    /// Writes `text` to `--output` atomically (never over one of the command's inputs), or to
    /// standard output. With `rasters`, their folder is put in place after `--output` is
    /// written and before it is renamed into place, so a refused or unwritable `--output`
    /// leaves no `--out` folder behind.
    static func emit(_ text: String, arguments: ParsedArguments, context: CommandContext, rasters: OutputRasters? = nil) throws(GEPError) {
        if let path = arguments.value("output") {
            let file = try TemporaryOutputFile(path: path, relativeTo: context.workingDirectory, refusingInputs: true)
            try file.write(Array(text.utf8), at: 0)
            try rasters?.commit()
            try file.commit()
        } else {
            try rasters?.commit()
            context.stdout.write(text)
        }
    }
}
