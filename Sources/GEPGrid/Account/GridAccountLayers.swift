import Dispatch
import GEPCore
import GEPRaster
import GEPServices

/// The opened, aligned layers of a grid input for the services it accounts: the land cover,
/// the layers of the water part and of every product driver given as a layer, the
/// stock-density layers, and the zone rasters. Opening and checking happen once; the layers
/// can then be folded any number of times (`GridAccountRunner`, `IncrementalGridAccount`).
final class GridAccountLayers: Sendable {
    /// The service sections in force: the grid input's, or the county input's when the grid
    /// input has none (so the grid runs the county's methods).
    let sections: [ServiceID: JSONNode]
    /// `water_balance` or `water_yield` when water conservation is accounted, else nil.
    let waterMethod: String?
    /// Layer roles read, in index order (0: `lulc`).
    let roles: [String]
    /// Bands in `roles` order.
    let bands: [any RasterBand]
    /// Zone bands, in the input's zone order.
    let zones: [any RasterBand]
    /// The land cover's geometry, shared by every layer.
    let geometry: GridGeometry

    /// Opens the layers the accounted services need and checks their alignment.
    ///
    /// - Throws: `GEPError` listing every problem: missing layers for the water method,
    ///   misaligned layers (naming each layer and difference).
    convenience init(input: GridInput, open: (String) throws(GEPError) -> any RasterBand) throws(GEPError) {
        let sections = input.services.isEmpty ? (input.county?.serviceSections ?? [:]) : input.services
        var reader = FieldReader(file: input.file)
        func enabled(_ id: ServiceID) -> Bool {
            guard let section = sections[id] else { return false }
            return reader.bool(section, "enabled", path: "services.\(id.id)", required: false) ?? true
        }
        var waterMethod: String?
        if enabled(.waterConservation) {
            waterMethod = sections[.waterConservation]?["method"]?.string ?? WaterConservation.spec.defaultMethod.id
        }
        var required = ["lulc"]
        if let waterMethod {
            required += waterMethod == "water_yield"
                ? ["precipitation", "reference_evapotranspiration", "soil_depth", "plant_available_water_content"]
                : ["precipitation"]
        }
        var problems = reader.diagnostics
        for role in required where input.layers[role] == nil {
            problems.append(Diagnostic(file: input.file, path: "layers.\(role)", message: "missing layer \"\(role)\", needed by water_conservation (\(waterMethod ?? ""))"))
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
        var roles = required
        if waterMethod == "water_balance", input.layers["evapotranspiration"] != nil { roles.append("evapotranspiration") }
        for driver in CellDriver.allCases {
            for factor in driver.productFactors ?? [] where input.layers[factor.key] != nil && !roles.contains(factor.key) { roles.append(factor.key) }
        }
        if input.layers["forest_stock_start"] != nil || input.layers["forest_stock_end"] != nil {
            for role in ["forest_stock_start", "forest_stock_end"] where input.layers[role] == nil {
                problems.append(Diagnostic(file: input.file, path: "layers.\(role)", message: "missing layer \"\(role)\": the stock change needs the growing-stock density at both ends of the year"))
            }
            roles += ["forest_stock_start", "forest_stock_end"]
        }
        guard problems.isEmpty else { throw .invalidData(problems) }

        var bands: [any RasterBand] = []
        for role in roles {
            bands.append(try GEPError.reading(namedAt: "layers.\(role)", in: input.file) { () throws(GEPError) in try open(input.layers[role]!) })
        }
        var zoneBands: [any RasterBand] = []
        for zone in input.zones {
            zoneBands.append(try GEPError.reading(namedAt: "zones.\(zone.name)", in: input.file) { () throws(GEPError) in try open(zone.path) })
        }
        let lulc = bands[0]
        let geometry = lulc.geometry
        for (role, band) in zip(roles, bands).sorted(by: { $0.0 < $1.0 }) where role != "lulc" {
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
        self.init(sections: sections, waterMethod: waterMethod, roles: roles, bands: bands, zones: zoneBands, geometry: geometry)
    }

    private init(sections: [ServiceID: JSONNode], waterMethod: String?, roles: [String], bands: [any RasterBand], zones: [any RasterBand],
                 geometry: GridGeometry) {
        self.sections = sections
        self.waterMethod = waterMethod
        self.roles = roles
        self.bands = bands
        self.zones = zones
        self.geometry = geometry
    }

    /// The band of `role`, if read.
    func band(_ role: String) -> (any RasterBand)? { roles.firstIndex(of: role).map { bands[$0] } }

    /// Bytes needed to hold every layer in memory (layers as Float, zones as Double).
    var residentBytes: Int { (bands.count * MemoryLayout<Float>.size + zones.count * MemoryLayout<Double>.size) * geometry.cellCount }

    /// The same layers decoded once into memory (on `threads` threads), so later folds read
    /// cells in place instead of decoding the files again; zone layers are kept as Double
    /// (`InMemoryDoubleBand`), so their ids stay exact.
    func loadedIntoMemory(threads: Int) throws(GEPError) -> GridAccountLayers {
        let sources = bands + zones
        let loaded = ResultSlots<any RasterBand>(count: sources.count)
        let workers = max(1, min(threads, sources.count))
        let zoneStart = bands.count
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: sources.count, by: workers) {
                let band = sources[index]
                loaded.store(index, Result { () throws(GEPError) -> any RasterBand in
                    if index >= zoneStart {
                        return InMemoryDoubleBand(name: band.name, geometry: band.geometry, dataType: band.dataType, nodata: band.nodata,
                                                  values: try band.readAllDoubles(), blockHeight: band.blockHeight)
                    }
                    return InMemoryBand(name: band.name, geometry: band.geometry, dataType: band.dataType, nodata: band.nodata,
                                        values: try band.readAll(), blockHeight: band.blockHeight)
                })
            }
        }
        var memory: [any RasterBand] = []
        for index in sources.indices {
            switch loaded.take(index) {
            case let .success(band): memory.append(band)
            case let .failure(error): throw error
            }
        }
        return GridAccountLayers(sections: sections, waterMethod: waterMethod, roles: roles, bands: Array(memory.prefix(bands.count)),
                                 zones: Array(memory.dropFirst(bands.count)), geometry: geometry)
    }

    /// Folds the plan's drivers over the grid (only the water part when `waterOnly`) with
    /// `GridEngine` (row records merged in row order: bit-identical for any thread count and
    /// band height); with `maps`, writes each cell's map values to `output` in row order.
    ///
    /// - Throws: Read errors, errors from `output`, and cells outside their layer role's
    ///   domain (counted as each band is read; the message re-reads the layer for the first
    ///   positions).
    func fold(plan: DriverPlan, engine: GridEngine, waterOnly: Bool = false, maps: CellMaps? = nil,
              output: GridRowsHandler? = nil) throws(GEPError) -> DriverSums {
        var plan = plan
        var read = Array(plan.roles.indices)
        if waterOnly {
            plan.products = []
            plan.stock = nil
            read = [0, plan.precipitation] + plan.waterLayers
        }
        var positions = Array(repeating: 0, count: bands.count)
        for (position, index) in read.enumerated() { positions[index] = position }
        let kernel = DriverKernel(plan: plan, rules: bands.map { NodataRule(band: $0) }, zoneRules: zones.map { ZoneNodataRule(band: $0) },
                                  positions: positions, maps: maps)
        return try engine.stream(kernel, layers: read.map { bands[$0] }, zones: zones, output: output, roles: read.map { roles[$0] })
    }
}

extension DriverPlan {
    /// The layer indices of the water part besides precipitation.
    var waterLayers: [Int] {
        switch water {
        case let .balance(layer?): [layer]
        case let .fuBudyko(e0, depth, pawc): [e0, depth, pawc]
        default: []
        }
    }
}
