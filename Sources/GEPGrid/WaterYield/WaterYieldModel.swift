import GEPCore
import GEPRaster

/// The five input layers of Annual Water Yield, aligned on one grid.
public struct WaterYieldLayers: Sendable {
    /// Land-cover codes (InVEST `lulc_path`), matched to the biophysical table's `lucode`.
    public var landCover: any RasterBand
    /// Annual precipitation P, mm (`precipitation_path`).
    public var precipitation: any RasterBand
    /// Annual reference evapotranspiration ET0, mm (`eto_path`).
    public var referenceET: any RasterBand
    /// Depth to the root-restricting layer, mm (`depth_to_root_rest_layer_path`).
    public var rootRestrictingDepth: any RasterBand
    /// Plant available water content, fraction 0…1 (`pawc_path`).
    public var plantAvailableWater: any RasterBand

    /// Creates the layer set.
    public init(landCover: any RasterBand, precipitation: any RasterBand, referenceET: any RasterBand,
                rootRestrictingDepth: any RasterBand, plantAvailableWater: any RasterBand) {
        self.landCover = landCover
        self.precipitation = precipitation
        self.referenceET = referenceET
        self.rootRestrictingDepth = rootRestrictingDepth
        self.plantAvailableWater = plantAvailableWater
    }

    /// The layers in kernel order.
    var all: [any RasterBand] { [landCover, precipitation, referenceET, rootRestrictingDepth, plantAvailableWater] }

    /// Each layer's `GridLayers` role, in kernel order: the domain its cells must lie in.
    static let roles: [String?] = [nil, "precipitation", "reference_evapotranspiration", "soil_depth", "plant_available_water_content"]
}

/// The per-cell outputs of Annual Water Yield, in `GridRows.outputs` order.
public enum WaterYieldOutput: Int, CaseIterable, Sendable {
    /// Water yield (1 − fractp)·P, mm; InVEST `wyield.tif`.
    case wyield
    /// Actual evapotranspiration fractp·P, mm; InVEST `aet.tif`.
    case aet
    /// AET/P; InVEST `fractp.tif`.
    case fractp

    /// The InVEST file stem.
    public var name: String { "\(self)" }
    /// The nodata value InVEST writes where a cell is not valid.
    public static let nodata: Float = -1
}

extension GridRows {
    /// The rows of one Annual Water Yield output.
    public subscript(_ output: WaterYieldOutput) -> UnsafeBufferPointer<Float> { outputs[output.rawValue] }
}

/// InVEST 3.20.2 Annual Water Yield (Reservoir Hydropower Production, biophysical part),
/// computed per cell exactly as InVEST does and summed per zone.
///
/// A cell is valid (`fractp_op` L1141-1154) when its land cover is not nodata and is in the
/// table, P is not nodata and P ≠ 0, and ET0, soil depth and PAWC are not nodata. Nodata is
/// recognised as InVEST does (`isclose` for float rasters, `==` for integer rasters); NaN is
/// always nodata. Per-cell arithmetic is Float32 in numpy's order (see `WaterYieldCell`);
/// sums are `Double`. A land-cover code that is not nodata and not in the table is an error,
/// as in InVEST (`reclassify_raster(values_required=True)`), reported after the pass with its
/// cell count.
public struct WaterYieldModel: Sendable {
    /// The biophysical table.
    public var table: BiophysicalTable
    /// The seasonality constant Z (InVEST `seasonality_constant`, > 0).
    public var seasonalityConstant: Double

    /// Creates a model.
    ///
    /// - Throws: `.invalidData` when Z is not a finite number > 0.
    public init(table: BiophysicalTable, seasonalityConstant: Double) throws(GEPError) {
        guard seasonalityConstant.isFinite, seasonalityConstant > 0 else {
            throw .invalidData([Diagnostic(message: "seasonality constant Z must be a number > 0, found \(seasonalityConstant)")])
        }
        self.table = table
        self.seasonalityConstant = seasonalityConstant
    }

    /// Runs the model over aligned layers.
    ///
    /// - Parameters:
    ///   - layers: The five inputs.
    ///   - zones: Optional zone ids (integers ≥ 1; 0 or nodata for no zone), such as watersheds.
    ///   - engine: Threads and band height.
    ///   - output: When given, receives wyield, aet and fractp rows (`WaterYieldOutput` order) in
    ///     row order, Float32 with −1 where not valid. Rows are delivered before the land-cover
    ///     check completes: discard them if the run throws.
    /// - Returns: Whole-grid and per-zone sums.
    /// - Throws: `.invalidData` for misaligned layers (before any work), and after the pass for
    ///   cells outside their layer's domain (negative rain, PAWC beyond [0, 1]…), land-cover codes
    ///   missing from the table (each with its cell count), invalid zone ids and sums that are not
    ///   finite numbers (a kc so large the curve overflows); read and output errors as they occur.
    /// - Complexity: O(cells), two `powf` per valid vegetated cell.
    public func run(_ layers: WaterYieldLayers, zones: (any RasterBand)? = nil, engine: GridEngine = GridEngine(),
                    output: GridRowsHandler? = nil) throws(GEPError) -> WaterYieldResult {
        let kernel = WaterYieldKernel(table: table, seasonalityConstant: seasonalityConstant,
                                      rules: layers.all.map { NodataRule(band: $0) })
        let run = try engine.run(kernel, layers: layers.all, zones: zones, output: output, roles: WaterYieldLayers.roles)
        let diagnostics = missingCodeDiagnostics(run.unmatched.map { ($0.value.value, $0.cells) }, landCover: layers.landCover.name)
            + (zones.map { run.zoneDiagnostics(zoneLayer: $0.name) } ?? [])
        guard diagnostics.isEmpty else { throw .invalidData(diagnostics) }
        let sums = [("P", run.grid.precipitation), ("PET", run.grid.pet), ("AET", run.grid.aet), ("water yield", run.grid.wyield), ("fractp", run.grid.fractp)]
        if let (name, value) = sums.first(where: { !$0.1.isFinite }) {
            let kc = table.entries.map(\.kc).max() ?? 0, depth = table.entries.map(\.rootDepth).max() ?? 0
            let files = layers.all.dropFirst().map(\.name).joined(separator: ", ")
            throw .invalidData([Diagnostic(file: table.file, message: "the per-cell results are not finite numbers (Σ \(name) = \(value) mm): a kc or root_depth of this table (largest kc \(kc), largest root_depth \(depth) mm) or a cell of the layers \(files) is too large for the Budyko curve")])
        }
        return WaterYieldResult(grid: run.grid, zones: run.zones, unzoned: run.unzoned,
                                cellArea: layers.landCover.geometry.cellArea)
    }

    /// One diagnostic per land-cover code missing from the table.
    func missingCodeDiagnostics(_ missing: [(code: Float, cells: Int)], landCover: String) -> [Diagnostic] {
        missing.map { code, cells in
            Diagnostic(file: landCover, message: "land-cover code \(LandCoverCode.describe(code)) in \(cells) cell\(cells == 1 ? "" : "s") is not in the biophysical table '\(table.file)'")
        }
    }
}
