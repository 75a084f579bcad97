import GEPCore

/// One pricing of a grid account: the coefficient lookup (recording what is used, by whom)
/// that first reduces the per-class kernel numbers and then prices the folded sums.
struct GridAccountPricing {
    let input: GridInput
    let classes: LandCoverClasses
    let coefficients: EffectiveCoefficients
    let layers: GridAccountLayers
    let basis: PriceBasis
    let priceYear: Int
    var lookup: CoefficientLookup

    init(input: GridInput, classes: LandCoverClasses, coefficients: EffectiveCoefficients, priceBasis: PriceBasis?, layers: GridAccountLayers) {
        self.input = input
        self.classes = classes
        self.coefficients = coefficients
        self.layers = layers
        basis = priceBasis ?? input.priceBasis
        priceYear = basis.priceYear(accountingYear: input.year)
        lookup = CoefficientLookup(effective: coefficients, priceYear: priceYear, file: input.file)
    }

    /// The per-class kernel numbers for the requested services.
    mutating func reduce() throws(GEPError) -> GridParameters {
        let choices = layers.choices
        let parameters = GridParameters.reduce(classes: classes, waterMethod: choices.water, soil: choices.soil,
                                               carbon: choices.computesCarbon, lookup: &lookup)
        guard lookup.diagnostics.isEmpty else { throw .invalidData(lookup.diagnostics) }
        return parameters
    }

    /// Checks the land cover against the classes table and prices the sums (the account of
    /// the whole grid, or of the `focus` zone).
    mutating func assemble(_ sums: GridAccumulator, focus: GridZone? = nil) throws(GEPError) -> GridAccount {
        if !sums.unmappedCodes.isEmpty {
            let lulc = layers.bands["lulc"]!.name
            let list = sums.unmappedCodes.keys.sorted().map { code in
                Diagnostic(file: input.classesPath, message: "land-cover code \(code == Int32.min ? "NaN" : String(code)) in \(lulc) (\(sums.unmappedCodes[code]!) cells) is not in the classes table")
            }
            throw .invalidData(list)
        }
        return try GridAccountBuilder.assemble(input: input, classes: classes, coefficients: coefficients, choices: layers.choices, sums: sums,
                                               lookup: &lookup, priceYear: priceYear, basis: basis, geometryCellArea: layers.geometry.cellArea,
                                               cellCount: layers.geometry.cellCount, focus: focus)
    }
}
