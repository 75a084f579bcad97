import GEPCore
import GEPRaster

/// Runs a grid account: opens the layers, checks their alignment, streams them band by band
/// through the fused kernel on all cores, merges the band sums in band order (bit-identical
/// for any thread count) and prices the result.
public enum GridAccountRunner {
    /// Computes the grid account.
    ///
    /// - Parameters:
    ///   - input: the grid input.
    ///   - open: opens a layer file as a band (GeoTIFF or ESRI ASCII, chosen by the caller).
    ///   - coefficients: the coefficients in force.
    ///   - priceBasis: overrides the input's price basis.
    ///   - threads: worker threads (1…); the result does not depend on it.
    /// - Throws: `GEPError` listing every problem: missing layers for the requested methods,
    ///   misaligned layers (naming each layer and difference), land-cover codes missing from
    ///   the classes table (with their cell counts), missing coefficients.
    public static func run(input: GridInput, classes: LandCoverClasses, coefficients: EffectiveCoefficients,
                           priceBasis: PriceBasis? = nil, threads: Int,
                           open: (String) throws(GEPError) -> any RasterBand) throws(GEPError) -> GridAccount {
        let layers = try GridAccountLayers(input: input, open: open)
        var pricing = GridAccountPricing(input: input, classes: classes, coefficients: coefficients, priceBasis: priceBasis, layers: layers)
        let parameters = try pricing.reduce()
        let sums = try layers.fold(parts: layers.choices.parts, parameters: parameters, threads: threads)
        return try pricing.assemble(sums)
    }
}

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
        lookup = CoefficientLookup(effective: coefficients, priceYear: priceYear)
    }

    /// The per-class kernel numbers for the requested services.
    mutating func reduce() throws(GEPError) -> GridParameters {
        let choices = layers.choices
        let parameters = GridParameters.reduce(classes: classes, waterMethod: choices.water, soil: choices.soil,
                                               carbon: choices.computesCarbon, lookup: &lookup)
        guard lookup.diagnostics.isEmpty else { throw .invalidData(lookup.diagnostics) }
        return parameters
    }

    /// Checks the land cover against the classes table and prices the sums.
    mutating func assemble(_ sums: GridAccumulator) throws(GEPError) -> GridAccount {
        if !sums.unmappedCodes.isEmpty {
            let lulc = layers.bands["lulc"]!.name
            let list = sums.unmappedCodes.keys.sorted().map { code in
                Diagnostic(file: input.classesPath, message: "land-cover code \(code == Int32.min ? "NaN" : String(code)) in \(lulc) (\(sums.unmappedCodes[code]!) cells) is not in the classes table")
            }
            throw .invalidData(list)
        }
        return try GridAccountBuilder.assemble(input: input, classes: classes, coefficients: coefficients, choices: layers.choices, sums: sums,
                                               lookup: &lookup, priceYear: priceYear, basis: basis, geometryCellArea: layers.geometry.cellArea,
                                               cellCount: layers.geometry.cellCount)
    }
}
