import GEPCore

/// Builds a county's GEP account: physical accounting of every service, then valuation of
/// every line at the run's price basis, then indicators and assets.
///
/// The builder is deterministic: the same input and coefficients give the same account,
/// bit for bit (services in catalogue order, sums in a fixed order, in Double).
public enum AccountBuilder {
    /// Keys every service section may hold.
    static let commonSectionKeys = ["enabled", "method", "note", "source"]

    /// Computes the account.
    ///
    /// - Parameters:
    ///   - input: the county's figures.
    ///   - coefficients: the coefficients in force.
    ///   - year: the accounting year (defaults to the input's).
    ///   - priceBasis: current prices of `year`, or constant prices of a given year.
    ///   - grid: a grid's driver sums, when the account is a grid's (`input` then holds the
    ///     grid's areas by type); the spatial services read them instead of the statistics.
    ///   - countyTotals: for a grid, the county figures its county-total lines come from.
    /// - Throws: `GEPError.invalidData` listing every problem: bad service sections, unknown
    ///   methods, missing inputs and coefficients (which, needed by which service), unit
    ///   mismatches, years the price index does not cover, and figures that overflow to a
    ///   non-finite number (`AccountFiniteness`).
    public static func build(input: CountyInput, coefficients: EffectiveCoefficients, year: Int? = nil,
                             priceBasis: PriceBasis? = nil, grid: GridDriverSums? = nil, countyTotals: CountyTotals? = nil) throws(GEPError) -> Account {
        let year = year ?? input.year
        let basis = priceBasis ?? input.priceBasis
        let priceYear = basis.priceYear(accountingYear: year)
        var context = ModelContext(input: input, coefficients: CoefficientLookup(effective: coefficients, priceYear: priceYear, file: input.file))
        context.grid = grid

        var services = ServiceID.allCases.map { physicalAccount(of: $0, context: &context) }
        if let countyTotals { services = services.map(countyTotals.merged) }
        for index in services.indices where services[index].status == .accounted {
            services[index].lineValues = services[index].lines.map { value(of: $0, user: $0.service.id, context: &context) }
        }
        let imports = countyTotals.map { $0.scaled($0.account.imports) } ?? importLines(context: &context)
        let importValues = imports.map { value(of: $0, user: "imports", context: &context) }
        let assets = countyTotals.map { $0.scaled($0.account.assets) } ?? assetLines(context: &context)
        let assetValues = assets.map { value(of: $0, user: "assets", context: &context) }

        var account = Account(
            regionID: input.regionID, regionNameZH: input.regionNameZH, regionNameEN: input.regionNameEN,
            areaKm2: input.area.value, year: year, priceBasis: basis, priceYear: priceYear,
            priceIndexID: coefficients.priceIndex.id, coefficientLayers: coefficients.layers, inputFile: input.file,
            services: services, imports: imports, importValues: importValues, assets: assets, assetValues: assetValues,
            indicators: [], coefficientsUsed: [])
        account.indicators = Indicators.compute(account: account, context: &context)

        let problems = context.diagnostics + context.coefficients.diagnostics
        guard problems.isEmpty else { throw .invalidData(problems) }
        account.coefficientsUsed = context.coefficients.usage.keys.sorted().map { id in
            UsedCoefficient(coefficient: coefficients.entries[id]!, indexFactor: context.coefficients.indexFactors[id] ?? 1,
                            usedBy: context.coefficients.usage[id]!.sorted())
        }
        let nonFinite = AccountFiniteness.problems(in: account, file: input.file)
        guard nonFinite.isEmpty else { throw .invalidData(nonFinite) }
        return account
    }

    /// Runs one service's physical model, or records why it is not run.
    static func physicalAccount(of id: ServiceID, context: inout ModelContext) -> ServiceAccount {
        let model = ServiceCatalogue.model(for: id)
        let spec = model.spec
        guard let section = context.input.serviceSections[id] else {
            return ServiceAccount(id: id, status: .notAccounted, method: "", formula: "", physicalUnit: spec.physicalUnit,
                                  physicalByEcosystem: [], physicalTotal: nil, lines: [])
        }
        let path = "services.\(id.id)"
        var reader = FieldReader(file: context.input.file)
        reader.rejectUnknownKeys(section, allowed: commonSectionKeys + spec.sectionKeys, path: path)
        let enabled = reader.bool(section, "enabled", path: path, required: false) ?? true
        var method = spec.defaultMethod
        if let name = reader.string(section, "method", path: path, required: false) {
            if let chosen = spec.methods.first(where: { $0.id == name }) { method = chosen } else {
                reader.report("unknown method \"\(name)\" for \(id.id); expected one of: \(spec.methods.map(\.id).joined(separator: ", "))",
                              at: section["method"]?.position, path: path + ".method")
            }
        }
        context.diagnostics += reader.diagnostics
        guard enabled else {
            let reason = section["reason"]?.string ?? section["note"]?.string ?? "switched off in the input"
            return ServiceAccount(id: id, status: .disabled(reason), method: method.id, formula: method.formula,
                                  physicalUnit: spec.physicalUnit, physicalByEcosystem: [], physicalTotal: nil, lines: [])
        }
        return model.account(method: method, section: section, context: &context)
    }

    /// quantity × price × Π factors, in CNY at the run's price year.
    static func value(of line: ValueLine, user: String, context: inout ModelContext) -> Double {
        var result = line.quantity * context.coefficients.value(line.priceID, in: line.priceUnit, for: user)
        for factor in line.factorIDs { result *= context.coefficients.value(factor, in: .dimensionless, for: user) }
        return result
    }
}
