import GEPCore
import GEPRaster

/// Runs a grid account: opens the layers, checks their alignment, streams them band by band
/// through the fused driver kernel on all cores, merges the band sums in band order
/// (bit-identical for any thread count), and builds the account with the county account's
/// service models and valuation.
public enum GridAccountRunner {
    /// Computes the grid account.
    ///
    /// - Parameters:
    ///   - input: the grid input (with its county input read, `GridInput.readingCounty()`).
    ///   - open: opens a layer file as a band (GeoTIFF or ESRI ASCII, chosen by the caller).
    ///   - coefficients: the coefficients in force.
    ///   - priceBasis: overrides the input's price basis.
    ///   - threads: worker threads (1…); the result does not depend on it.
    ///   - bandHeight: rows per band (nil: the engine's rule); the result does not depend on it.
    /// - Throws: `GEPError` listing every problem: missing layers for the requested methods,
    ///   misaligned layers (naming each layer and difference), land-cover codes missing from
    ///   the classes table (with their cell counts), zone values that are not ids, missing
    ///   coefficients and inputs (as the county account reports them).
    public static func run(input: GridInput, classes: LandCoverClasses, coefficients: EffectiveCoefficients,
                           priceBasis: PriceBasis? = nil, threads: Int, bandHeight: Int? = nil,
                           open: (String) throws(GEPError) -> any RasterBand) throws(GEPError) -> GridAccount {
        let layers = try GridAccountLayers(input: input, open: open)
        let pricing = GridAccountPricing(input: input, classes: classes, coefficients: coefficients, layers: layers, priceBasis: priceBasis)
        let plan = try pricing.plan()
        let sums = try layers.fold(plan: plan, engine: GridEngine(threadCount: threads, bandHeight: bandHeight))
        return try pricing.assemble(sums, plan: plan)
    }
}
