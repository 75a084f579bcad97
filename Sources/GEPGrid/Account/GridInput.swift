import GEPCore
import GEPRaster
import GEPServices

/// A grid account's inputs: the region, year and coefficient set as for a county account,
/// plus the raster layers, the land-cover classes table and the zone rasters, all as paths
/// relative to the input file (see `samples/lianping/grid/lianping-grid-2023.json`).
///
/// ```json
/// { "region": {...}, "accounting_year": 2023, "coefficient_set": "lianping",
///   "layers": {"lulc": "lulc.tif", "precipitation": "precip.tif", "reference_evapotranspiration": "eto.tif", …},
///   "land_cover_classes": "classes.csv",
///   "zones": {"township": {"polygons": "townships.geojson", "id": "code", "name": "name"}, "subwatershed": "subws.tif"},
///   "services": {"water_conservation": {"method": "water_yield"}, "carbon_sequestration": {}, …} }
/// ```
public struct GridInput: Sendable {
    /// The file the input was read from, as the user named it.
    public var file: String
    /// Directory relative layer paths resolve against (the input file's directory).
    public var directory: String
    /// Region id.
    public var regionID: String
    /// Chinese region name.
    public var regionNameZH: String
    /// English region name.
    public var regionNameEN: String
    /// The accounting year.
    public var year: Int
    /// The coefficient set to start from.
    public var coefficientSet: String
    /// Price basis asked for by the file.
    public var priceBasis: PriceBasis
    /// Layer paths by role (see `GridLayers.roles`), resolved against `directory`.
    public var layers: [String: String]
    /// Path of the land-cover classes table (lucode → ecosystem type).
    public var classesPath: String
    /// Zone sets in file order: a zone raster, or polygons rasterised onto the grid.
    public var zones: [ZoneSet]

    /// One zone set: a zone raster (integer ids; 0 or nodata for no zone) or a GeoJSON file of
    /// polygons (`"zones": {"township": {"polygons": "townships.geojson", "id": "code",
    /// "name": "name"}}`, or a `.shp`), burnt onto the land-cover grid by `gdal_rasterize`'s
    /// cell-centre rule (`PolygonRasterizer`; with `"all_touched": true`, as `-at`), ids from the
    /// property `idField` and names from `nameField`.
    public struct ZoneSet: Sendable {
        /// The zone set's name in tables and JSON.
        public var name: String
        /// The raster or polygon file, resolved against the input's directory.
        public var path: String
        /// For polygons: the property holding each zone's id; nil for a raster.
        public var idField: String?
        /// For polygons: the property holding each zone's name, if any.
        public var nameField: String?
        /// For polygons: also burn every cell a boundary passes through (`gdal_rasterize -at`).
        public var allTouched: Bool

        /// Creates a zone set.
        public init(name: String, path: String, idField: String? = nil, nameField: String? = nil, allTouched: Bool = false) {
            (self.name, self.path, self.idField, self.nameField, self.allTouched) = (name, path, idField, nameField, allTouched)
        }
    }
    /// The services to account and their sections; empty to account the county input's
    /// services with its methods.
    public var services: [ServiceID: JSONNode]
    /// Path of the county input whose statistics the grid reads where it has no layer (climate
    /// figures, per-type measurements, forest stock, reservoir storage, pollutant loads, product
    /// outputs, visits), resolved against `directory`; nil when the grid input names none.
    public var countyInputPath: String?
    /// The county input read from `countyInputPath` (`readingCounty()`).
    public var county: CountyInput?

    /// Keys allowed at the top level.
    static let topLevelKeys = ["region", "accounting_year", "coefficient_set", "price_basis", "layers", "land_cover_classes", "zones", "services", "county_input"]

    /// The input with its county input read and parsed (a failure names this input's
    /// `county_input` entry); itself when it names none.
    public func readingCounty() throws(GEPError) -> GridInput {
        guard let path = countyInputPath else { return self }
        var copy = self
        let bytes = try GEPError.reading(namedAt: "county_input", in: file) { () throws(GEPError) in try InputFile.read(path, relativeTo: "/") }
        copy.county = try CountyInput.parse(bytes, file: path)
        return copy
    }

    /// The land-cover classes table's bytes; a failure to read it names this input's
    /// `land_cover_classes` entry.
    public func readClasses() throws(GEPError) -> [UInt8] {
        try GEPError.reading(namedAt: "land_cover_classes", in: file) { () throws(GEPError) in try InputFile.read(classesPath, relativeTo: "/") }
    }

    /// Reads and validates a grid input file, reporting every problem at once.
    public static func parse(_ bytes: [UInt8], file: String, directory: String) throws(GEPError) -> GridInput {
        let root = try JSONParser.parse(bytes, file: file)
        var reader = FieldReader(file: file)
        guard reader.object(root, path: "") != nil else { throw .invalidData(reader.diagnostics) }
        reader.rejectUnknownKeys(root, allowed: topLevelKeys, path: "")
        var regionID = "", nameZH = "", nameEN = ""
        if let region = reader.field(root, "region", path: "", required: true), reader.object(region, path: "region") != nil {
            reader.rejectUnknownKeys(region, allowed: ["id", "name_zh", "name_en", "admin_code"], path: "region")
            regionID = reader.string(region, "id", path: "region") ?? ""
            nameZH = reader.string(region, "name_zh", path: "region") ?? ""
            nameEN = reader.string(region, "name_en", path: "region") ?? ""
        }
        let year = reader.integer(root, "accounting_year", path: "", in: 1950...2100)
        let set = reader.string(root, "coefficient_set", path: "") ?? ""
        let basis = reader.priceBasis(root, path: "") ?? .current
        var layers: [String: String] = [:]
        if let node = reader.field(root, "layers", path: "", required: true), let members = reader.object(node, path: "layers") {
            reader.rejectUnknownKeys(node, allowed: GridLayers.roles.map(\.key), path: "layers", what: "layer")
            for member in members where GridLayers.roles.contains(where: { $0.key == member.key }) {
                if let path = reader.string(node, member.key, path: "layers") { layers[member.key] = resolve(path, directory) }
            }
            if layers["lulc"] == nil { reader.report("missing required layer \"lulc\" (land cover)", at: node.position, path: "layers") }
        }
        let classes = reader.string(root, "land_cover_classes", path: "").map { resolve($0, directory) } ?? ""
        var zones: [ZoneSet] = []
        if let node = reader.field(root, "zones", path: "", required: false), let members = reader.object(node, path: "zones") {
            for member in members where !member.key.hasPrefix("_") {
                if member.value.members != nil {
                    let place = "zones.\(member.key)"
                    reader.rejectUnknownKeys(member.value, allowed: ["polygons", "id", "name", "all_touched"], path: place, what: "zone-set key")
                    let path = reader.string(member.value, "polygons", path: place)
                    let id = reader.string(member.value, "id", path: place)
                    let name = reader.string(member.value, "name", path: place, required: false)
                    let allTouched = reader.bool(member.value, "all_touched", path: place, required: false) ?? false
                    if let path, let id {
                        zones.append(ZoneSet(name: member.key, path: resolve(path, directory), idField: id, nameField: name, allTouched: allTouched))
                    }
                } else if let path = reader.string(node, member.key, path: "zones") {
                    zones.append(ZoneSet(name: member.key, path: resolve(path, directory)))
                }
            }
        }
        var services: [ServiceID: JSONNode] = [:]
        let county = reader.string(root, "county_input", path: "", required: false).map { resolve($0, directory) }
        if let node = reader.field(root, "services", path: "", required: county == nil), let members = reader.object(node, path: "services") {
            for member in members where !member.key.hasPrefix("_") {
                guard let id = ServiceID(rawValue: member.key) else {
                    var message = "unknown service \"\(member.key)\""
                    if let near = EditDistance.nearest(to: member.key, in: ServiceID.allCases.map(\.id)) { message += "; did you mean \"\(near)\"?" }
                    reader.report(message, at: member.keyPosition, path: "services.\(member.key)")
                    continue
                }
                if reader.object(member.value, path: "services.\(member.key)") != nil { services[id] = member.value }
            }
        }
        guard reader.diagnostics.isEmpty, let year else { throw .invalidData(reader.diagnostics) }
        return GridInput(file: file, directory: directory, regionID: regionID, regionNameZH: nameZH, regionNameEN: nameEN, year: year,
                         coefficientSet: set, priceBasis: basis, layers: layers, classesPath: classes, zones: zones, services: services,
                         countyInputPath: county, county: nil)
    }

    private static func resolve(_ path: String, _ directory: String) -> String {
        path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path
    }
}

/// The raster roles a grid account reads.
public enum GridLayers {
    /// A layer role: its key in `layers`, its unit, what it holds and the values it can take.
    public struct Role: Sendable {
        /// JSON key.
        public var key: String
        /// Unit of the cell values.
        public var unit: String
        /// What the layer holds.
        public var about: String
        /// The physical domain of its cells (`nil`: codes, no domain); a cell outside it is
        /// an error (`LayerDomainCheck`).
        public var domain: CoefficientDomain?

        init(key: String, unit: String, about: String, domain: String? = nil) {
            self.key = key
            self.unit = unit
            self.about = about
            self.domain = domain.map { CoefficientDomain(parsing: $0)! }
        }
    }

    /// Every role, in the order layers are read.
    public static let roles: [Role] = [
        Role(key: "lulc", unit: "1", about: "land-cover code (lucode) of each cell"),
        Role(key: "lulc_future", unit: "1", about: "land-cover code at the end of the carbon period (stock-difference carbon)"),
        Role(key: "precipitation", unit: "mm", about: "annual precipitation P", domain: "[0, inf)"),
        Role(key: "reference_evapotranspiration", unit: "mm", about: "annual reference evapotranspiration ET0 (water_yield)", domain: "[0, inf)"),
        Role(key: "evapotranspiration", unit: "mm", about: "actual annual evapotranspiration ET (water_balance)", domain: "[0, inf)"),
        Role(key: "soil_depth", unit: "mm", about: "depth to the root-restricting layer (water_yield)", domain: "[0, inf)"),
        Role(key: "plant_available_water_content", unit: "1", about: "PAWC, fraction (water_yield)", domain: "[0, 1]"),
        Role(key: "rainfall_erosivity", unit: "MJ*mm/(ha*h*a)", about: "RUSLE R", domain: "[0, inf)"),
        Role(key: "soil_erodibility", unit: "t*ha*h/(ha*MJ*mm)", about: "RUSLE K", domain: "[0, inf)"),
        Role(key: "slope_length_factor", unit: "1", about: "RUSLE LS", domain: "[0, inf)"),
        Role(key: "storm_precipitation", unit: "mm", about: "rainfall from storm events (daily ≥ 50 mm), flood regulation", domain: "[0, inf)"),
        Role(key: "cooling_days", unit: "d", about: "days on which air conditioning would be used, climate regulation", domain: "[0, 366]"),
        Role(key: "water_surface_evaporation_cooling", unit: "mm", about: "open-water evaporation during the cooling days, climate regulation", domain: "[0, inf)"),
        Role(key: "cooling_evapotranspiration", unit: "mm", about: "actual evapotranspiration of the vegetation during the cooling days, climate regulation", domain: "[0, inf)"),
        Role(key: "forest_stock_start", unit: "m3/ha", about: "growing-stock density at the start of the year (stock-change carbon)", domain: "[0, inf)"),
        Role(key: "forest_stock_end", unit: "m3/ha", about: "growing-stock density at the end of the year (stock-change carbon)", domain: "[0, inf)"),
    ]

    /// The domain of the role `key`, if it has one.
    public static func domain(of key: String) -> CoefficientDomain? {
        roles.first { $0.key == key }?.domain
    }

    /// Every cell outside its role's domain, one problem per layer (`LayerDomainCheck`).
    ///
    /// - Parameter bands: Bands by role key; roles without a domain are skipped.
    /// - Throws: Read errors of the bands.
    public static func domainProblems(_ bands: [(role: String, band: any RasterBand)]) throws(GEPError) -> [Diagnostic] {
        try LayerDomainCheck.problems(bands.compactMap { role, band in domain(of: role).map { (role, band, $0) } })
    }
}
