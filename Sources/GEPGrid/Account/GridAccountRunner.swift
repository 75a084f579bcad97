import Dispatch
import GEPCore
import GEPRaster
import GEPServices

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
        let choices = try GridAccountBuilder.Choices.read(input)
        var required = ["lulc"]
        if let water = choices.water {
            required.append("precipitation")
            required += water == "water_yield" ? ["reference_evapotranspiration", "soil_depth", "plant_available_water_content"] : ["evapotranspiration"]
        }
        if choices.soil { required += ["rainfall_erosivity", "soil_erodibility", "slope_length_factor"] }
        var problems: [Diagnostic] = []
        for role in required where input.layers[role] == nil {
            problems.append(Diagnostic(file: input.file, path: "layers.\(role)", message: "missing layer \"\(role)\", needed by the requested services"))
        }
        guard problems.isEmpty else { throw .invalidData(problems) }

        var bands: [String: any RasterBand] = [:]
        for role in required { bands[role] = try open(input.layers[role]!) }
        var zoneBands: [any RasterBand] = []
        for zone in input.zones { zoneBands.append(try open(zone.path)) }
        let lulc = bands["lulc"]!
        let geometry = lulc.geometry
        for (role, band) in bands.sorted(by: { $0.key < $1.key }) where role != "lulc" {
            for difference in geometry.differences(from: band.geometry) {
                problems.append(Diagnostic(file: band.name, message: "layer \"\(role)\" is not aligned with the land-cover layer \(lulc.name): \(difference)"))
            }
        }
        for (zone, band) in zip(input.zones, zoneBands) {
            for difference in geometry.differences(from: band.geometry) {
                problems.append(Diagnostic(file: band.name, message: "zone layer \"\(zone.name)\" is not aligned with the land-cover layer \(lulc.name): \(difference)"))
            }
        }
        guard problems.isEmpty else { throw .invalidData(problems) }

        let basis = priceBasis ?? input.priceBasis
        let priceYear = basis.priceYear(accountingYear: input.year)
        var lookup = CoefficientLookup(effective: coefficients, priceYear: priceYear)
        let parameters = GridParameters.reduce(classes: classes, waterMethod: choices.water, soil: choices.soil,
                                               carbon: choices.computesCarbon, lookup: &lookup)
        guard lookup.diagnostics.isEmpty else { throw .invalidData(lookup.diagnostics) }
        let kernel = GridAccountKernel(parameters: parameters, waterMethod: choices.water, soil: choices.soil, carbon: choices.computesCarbon,
                                cellArea: Float(geometry.cellArea))

        let zoneLayers = zoneBands
        let order = ["lulc", "precipitation", "evapotranspiration", "reference_evapotranspiration", "soil_depth",
                     "plant_available_water_content", "rainfall_erosivity", "soil_erodibility", "slope_length_factor"]
        let layers = order.map { bands[$0] }
        let sums = try BandStreaming.fold(layers: layers + zoneBands.map { Optional($0) }, geometry: geometry, threads: threads,
                                          initial: { GridAccumulator(classCount: parameters.classCount, zoneSets: zoneBands.count) },
                                          merge: { $0.merge($1) }) { rows, buffers, accumulator in
            func layer(_ index: Int) -> GridAccountKernel.Layer? {
                guard let pointer = buffers[index] else { return nil }
                return GridAccountKernel.Layer(values: pointer, nodata: layers[index]?.nodata.map(Float.init))
            }
            let band = GridAccountKernel.Band(count: rows * geometry.width, width: geometry.width, lulc: layer(0)!, precipitation: layer(1), evapotranspiration: layer(2),
                                       referenceET: layer(3), soilDepth: layer(4), pawc: layer(5), erosivity: layer(6),
                                       erodibility: layer(7), slopeLength: layer(8),
                                       zones: zoneLayers.indices.map { z in
                                           GridAccountKernel.Layer(values: buffers[order.count + z]!, nodata: zoneLayers[z].nodata.map(Float.init))
                                       })
            kernel.accumulate(band, into: &accumulator)
        }
        if !sums.unmappedCodes.isEmpty {
            let list = sums.unmappedCodes.keys.sorted().map { code in
                Diagnostic(file: input.classesPath, message: "land-cover code \(code == Int32.min ? "NaN" : String(code)) in \(lulc.name) (\(sums.unmappedCodes[code]!) cells) is not in the classes table")
            }
            throw .invalidData(list)
        }
        return try GridAccountBuilder.assemble(input: input, classes: classes, coefficients: coefficients, choices: choices, sums: sums,
                                               lookup: &lookup, priceYear: priceYear, basis: basis, geometryCellArea: geometry.cellArea,
                                               cellCount: geometry.cellCount)
    }
}
