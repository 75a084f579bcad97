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
    ///   - maps: when given, called with the account's per-cell maps (`GridMap`, once the
    ///     account is priced); the grid is then streamed a second time and the handler it
    ///     returns receives every map's rows in row order (one output per map, in that order;
    ///     cells without a mapped class hold `GridAccount.mapNodata`).
    /// - Throws: `GEPError` listing every problem: missing layers for the requested methods,
    ///   misaligned layers (naming each layer and difference), land-cover codes missing from
    ///   the classes table (with their cell counts), zone values that are not ids, missing
    ///   coefficients and inputs (as the county account reports them).
    public static func run(input: GridInput, classes: LandCoverClasses, coefficients: EffectiveCoefficients,
                           priceBasis: PriceBasis? = nil, threads: Int, bandHeight: Int? = nil,
                           maps: (([GridMap]) throws(GEPError) -> GridRowsHandler)? = nil,
                           open: (String) throws(GEPError) -> any RasterBand) throws(GEPError) -> GridAccount {
        let layers = try GridAccountLayers(input: input, open: open)
        let pricing = GridAccountPricing(input: input, classes: classes, coefficients: coefficients, layers: layers, priceBasis: priceBasis)
        let plan = try pricing.plan()
        let engine = GridEngine(threadCount: threads, bandHeight: bandHeight)
        let sums = try layers.fold(plan: plan, engine: engine)
        let grid = try pricing.assemble(sums, plan: plan)
        if let maps {
            let (list, weights) = pricing.maps(grid, sums: sums, plan: plan)
            _ = try layers.fold(plan: plan, engine: engine, maps: weights, output: try maps(list))
        }
        return grid
    }
}
