import Foundation
import GEPAnalysis
import GEPCore
import GEPGrid
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
                RasterOpening.threadsOption, CommonOptions.output,
            ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        let path = arguments.positionals[0]
        let bytes = try InputFile.read(path, relativeTo: context.workingDirectory)
        var quote = try InputKind.parsing(bytes, file: path, expected: [.quote], command: "gep compensate") { () throws(GEPError) in
            try QuoteSpec.parse(bytes, file: path)
        }
        let threads = try RasterOpening.threads(arguments)
        let current: QuoteRegion, coefficients: EffectiveCoefficients
        var previous: QuoteRegion?
        if let grid = quote.gridInput {
            let loaded = try GEPError.reading(namedAt: "grid_input", in: path) { () throws(GEPError) in try gridInput(grid, besides: path, context: context) }
            coefficients = try CommonOptions.effectiveCoefficients(setID: loaded.input.coefficientSet, namedIn: loaded.input.file, arguments: arguments, context: context)
            current = try gridRegion(loaded, zone: quote.drainingZone, quote: path, coefficients: coefficients, threads: threads)
            if case let .gepIncrement(previousInput, _, _) = quote.scheme {
                let earlier = try GEPError.reading(namedAt: "gep_increment.previous_input", in: path) { () throws(GEPError) in
                    try gridInput(previousInput, besides: path, context: context)
                }
                previous = try gridRegion(earlier, zone: quote.drainingZone, quote: path,
                                          coefficients: coefficients, threads: threads)
            }
        } else {
            let county = try GEPError.reading(namedAt: "county_input", in: path) { () throws(GEPError) -> QuoteCountyInput in
                try self.county(quote.countyInput, besides: path, context: context)
            }
            coefficients = try CommonOptions.effectiveCoefficients(setID: county.input.coefficientSet, namedIn: county.input.file, arguments: arguments, context: context)
            current = QuoteRegion(county: county)
            if case let .gepIncrement(previousInput, _, _) = quote.scheme {
                previous = QuoteRegion(county: try GEPError.reading(namedAt: "gep_increment.previous_input", in: path) { () throws(GEPError) in
                    try self.county(previousInput, besides: path, context: context)
                })
            }
        }
        var extraInputs: [(name: String, bytes: [UInt8])] = []
        if case var .waterQuantityQuality(inputs) = quote.scheme, let source = inputs.gridSource {
            let (water, files) = try gridWater(source, besides: path, coefficients: coefficients, arguments: arguments, context: context)
            inputs.gridWater = water
            quote.scheme = .waterQuantityQuality(inputs)
            extraInputs = files
        }
        let result = try QuoteEngine.quote(spec: quote, quoteFile: path, quoteBytes: bytes, current: current, previous: previous,
                                           coefficients: coefficients, extraInputs: extraInputs)
        let text = CompensationReport.render(result, format: CommonOptions.format(arguments, default: .table))
        try CommonOptions.emit(text, arguments: arguments, context: context)
    }

    /// A grid input named in a quote, with its classes table and every file it reads (for the hash).
    struct LoadedGrid {
        var path: String
        var input: GridInput
        var classes: LandCoverClasses
        var files: [(name: String, bytes: [UInt8])]
    }

    /// Reads a grid input named in a quote, resolving a relative path against the quote file's directory.
    static func gridInput(_ name: String, besides quotePath: String, context: CommandContext) throws(GEPError) -> LoadedGrid {
        var path = name
        if !path.hasPrefix("/"), let slash = quotePath.lastIndex(of: "/") { path = String(quotePath[...slash]) + path }
        let bytes = try InputFile.read(path, relativeTo: context.workingDirectory)
        let input = try GridInput.parse(bytes, file: path, directory: context.directory(of: path)).readingCounty()
        let classBytes = try input.readClasses()
        let classes = try LandCoverClasses.parse(classBytes, file: input.classesPath)
        // Names as the user sees them: relative to the working directory where possible.
        func shown(_ file: String) -> String {
            let prefix = context.workingDirectory.hasSuffix("/") ? context.workingDirectory : context.workingDirectory + "/"
            return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
        }
        var files: [(name: String, bytes: [UInt8])] = [(path, bytes), (shown(input.classesPath), classBytes)]
        for layer in input.layers.keys.sorted() {
            files.append((shown(input.layers[layer]!), try GEPError.reading(namedAt: "layers.\(layer)", in: input.file) { () throws(GEPError) in
                try InputFile.read(input.layers[layer]!, relativeTo: "/", limit: .max)
            }))
        }
        for zone in input.zones {
            files.append((shown(zone.path), try GEPError.reading(namedAt: "zones.\(zone.name)", in: input.file) { () throws(GEPError) in
                try InputFile.read(zone.path, relativeTo: "/", limit: .max)
            }))
        }
        return LoadedGrid(path: path, input: input, classes: classes, files: files)
    }

    /// A grid quote's region: the grid account, and the draining share as the draining zone's
    /// share of the grid's valid cells.
    static func gridRegion(_ grid: LoadedGrid, zone: DrainingZone?, quote: String, coefficients: EffectiveCoefficients, threads: Int) throws(GEPError) -> QuoteRegion {
        let input = grid.input, classes = grid.classes
        let build: @Sendable (EffectiveCoefficients, PriceBasis?) throws(GEPError) -> GridAccount = { coefficients, basis throws(GEPError) in
            try GridAccountRunner.run(input: input, classes: classes, coefficients: coefficients, priceBasis: basis, threads: threads) { file throws(GEPError) in
                try RasterOpening.open(file, relativeTo: "/")
            }
        }
        var share: SourcedQuantity?
        if let zone {
            let account = try build(coefficients, nil)
            share = try zoneShare(account, zone: zone, path: grid.path, quote: quote)
        }
        return QuoteRegion(name: grid.path, files: grid.files, drainingShare: share, kind: "grid account") { coefficients, basis throws(GEPError) in
            try build(coefficients, basis).account
        }
    }

    /// The zone's share of the valid cells of its zone set; a zone set or zone the grid (`path`)
    /// lacks is the quote's problem (`draining_zone`).
    static func zoneShare(_ grid: GridAccount, zone: DrainingZone, path: String, quote: String) throws(GEPError) -> SourcedQuantity {
        guard let zones = grid.zones.first(where: { $0.name == zone.zoneSet }) else {
            throw .invalidData([Diagnostic(file: quote, path: "draining_zone.zone_set",
                                           message: "the grid \(path) has no zone set \"\(zone.zoneSet.echoed())\" (zone sets: \(grid.zones.map(\.name).joined(separator: ", ")))")])
        }
        guard let row = zones.rows.first(where: { $0.id == zone.zone }) else {
            throw .invalidData([Diagnostic(file: quote, path: "draining_zone.zone", message: "zone \(zone.zone) of zone set \(zone.zoneSet) has no valid cells in the grid \(path)")])
        }
        let all = zones.rows.reduce(0.0) { $0 + $1.cells }
        return SourcedQuantity(value: row.cells / all, unit: .dimensionless,
                               source: "grid \(path): \(Int(row.cells)) of \(Int(all)) valid cells are in zone \(zone.zone) of zone set \(zone.zoneSet)")
    }

    /// The water yield of one zone of a grid account, with the grid input and every raster it
    /// read (for the quote's hash).
    static func gridWater(_ source: GridWaterSource, besides quotePath: String, coefficients: EffectiveCoefficients,
                          arguments: ParsedArguments, context: CommandContext) throws(GEPError) -> (SourcedQuantity, [(name: String, bytes: [UInt8])]) {
        let loaded = try GEPError.reading(namedAt: "water_quantity_quality.water_from_grid.grid", in: quotePath) { () throws(GEPError) in
            try gridInput(source.grid, besides: quotePath, context: context)
        }
        let path = loaded.path
        let grid = try GridAccountRunner.run(input: loaded.input, classes: loaded.classes, coefficients: coefficients,
                                             threads: try RasterOpening.threads(arguments)) { file throws(GEPError) in
            try RasterOpening.open(file, relativeTo: "/")
        }
        let field = "water_quantity_quality.water_from_grid"
        guard let zones = grid.zones.first(where: { $0.name == source.zoneSet }) else {
            throw .invalidData([Diagnostic(file: quotePath, path: field + ".zone_set",
                                           message: "the grid \(path) has no zone set \"\(source.zoneSet.echoed())\" (zone sets: \(grid.zones.map(\.name).joined(separator: ", ")))")])
        }
        guard let row = zones.rows.first(where: { $0.id == source.zone }) else {
            throw .invalidData([Diagnostic(file: quotePath, path: field + ".zone",
                                           message: "zone \(source.zone) of zone set \(source.zoneSet) has no valid cells in the grid \(path) (zones: \(zones.rows.map { String($0.id) }.joined(separator: ", ")))")])
        }
        let files = loaded.files
        let water = SourcedQuantity(value: row.waterYield, unit: .known("m3"),
                                    source: "grid account \(path): water yield (P − ET) of zone \(source.zone) of zone set \(source.zoneSet), \(Int(row.cells)) cells")
        return (water, files)
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
