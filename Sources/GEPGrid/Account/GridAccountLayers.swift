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
    /// Per zone set, the zones' names by id (polygon files with a name property; empty for rasters).
    let zoneNames: [[Double: String]]
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
        let lulc = bands[0]
        let geometry = lulc.geometry
        var zoneBands: [any RasterBand] = []
        var zoneNames: [[Double: String]] = []
        for zone in input.zones {
            guard let idField = zone.idField else {
                zoneBands.append(try GEPError.reading(namedAt: "zones.\(zone.name)", in: input.file) { () throws(GEPError) in try open(zone.path) })
                zoneNames.append([:])
                continue
            }
            let polygons = zone.path.lowercased().hasSuffix(".shp")
                ? try ShapefileZones.read(zone.path, idField: idField, nameField: zone.nameField, gridEPSG: geometry.epsg)
                : try GeoJSONZones.read(zone.path, relativeTo: "/", idField: idField, nameField: zone.nameField, gridEPSG: geometry.epsg)
            zoneBands.append(InMemoryDoubleBand(name: zone.path, geometry: geometry, dataType: .float64, nodata: 0,
                                                values: PolygonRasterizer.burn(polygons, onto: geometry, allTouched: zone.allTouched), blockHeight: lulc.blockHeight))
            var names: [Double: String] = [:]
            for polygon in polygons { if let name = polygon.name { names[polygon.id] = name } }
            zoneNames.append(names)
        }
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
        self.init(sections: sections, waterMethod: waterMethod, roles: roles, bands: bands, zones: zoneBands, zoneNames: zoneNames, geometry: geometry)
    }

    private init(sections: [ServiceID: JSONNode], waterMethod: String?, roles: [String], bands: [any RasterBand], zones: [any RasterBand],
                 zoneNames: [[Double: String]], geometry: GridGeometry) {
        self.zoneNames = zoneNames
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
        let layerValues = ResultSlots<[Float]>(count: bands.count), zoneValues = ResultSlots<[Double]>(count: zones.count)
        let workers = max(1, min(threads, sources.count))
        let layerCount = bands.count
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: sources.count, by: workers) {
                let band = sources[index]
                if index < layerCount {
                    layerValues.store(index, Result { () throws(GEPError) in try band.readAll() })
                } else {
                    zoneValues.store(index - layerCount, Result { () throws(GEPError) in try band.readAllDoubles() })
                }
            }
        }
        var memoryBands: [any RasterBand] = [], memoryZones: [any RasterBand] = []
        for (index, band) in bands.enumerated() {
            memoryBands.append(InMemoryBand(name: band.name, geometry: band.geometry, dataType: band.dataType, nodata: band.nodata,
                                            values: try layerValues.take(index).get(), blockHeight: band.blockHeight))
        }
        for (index, band) in zones.enumerated() {
            memoryZones.append(InMemoryDoubleBand(name: band.name, geometry: band.geometry, dataType: band.dataType, nodata: band.nodata,
                                                  values: try zoneValues.take(index).get(), blockHeight: band.blockHeight))
        }
        return GridAccountLayers(sections: sections, waterMethod: waterMethod, roles: roles, bands: memoryBands, zones: memoryZones,
                                 zoneNames: zoneNames, geometry: geometry)
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
