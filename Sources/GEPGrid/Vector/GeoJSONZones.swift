import GEPCore
import GEPRaster

/// Zone polygons from a GeoJSON file (RFC 7946): a FeatureCollection (or one Feature) of
/// Polygon and MultiPolygon features, each zone's id from the property `idField` (a whole
/// number, or a string of digits such as "441623100000"; exact from 1 to 2^53) and its name
/// from `nameField` when given.
///
/// CRS: a legacy `crs` member (`{"type": "name", "properties": {"name":
/// "urn:ogc:def:crs:EPSG::32650"}}`, as GDAL writes it) must name the grid's EPSG code; without
/// one the coordinates are taken to be in the grid's CRS, unless they all look like longitude
/// and latitude (|x| ≤ 180, |y| ≤ 90) on a grid whose CRS is projected, which RFC 7946's
/// WGS 84 would mean: that is an error with the `ogr2ogr -t_srs` command to run.
/// Rings may be unclosed; a self-intersecting ring is filled by the even–odd rule, as GDAL
/// fills it.
public enum GeoJSONZones {
    /// Reads and validates the zones of `path`.
    ///
    /// - Parameters:
    ///   - gridEPSG: The grid's CRS, checked against the file's.
    /// - Throws: `.missingInput`/`.io` when the file cannot be read; `.invalidData` listing
    ///   every problem with its line and column: not GeoJSON, a feature without the id property
    ///   or with an id that is not a whole number from 1 to 2^53, a geometry that is not a
    ///   (multi)polygon, a ring of fewer than three positions, a coordinate that is not a finite
    ///   number, a CRS other than the grid's.
    public static func read(_ path: String, relativeTo directory: String, idField: String, nameField: String?,
                            gridEPSG: Int?) throws(GEPError) -> [ZonePolygon] {
        let root = try JSONParser.parse(try InputFile.read(path, relativeTo: directory), file: path)
        return try parse(root, file: path, idField: idField, nameField: nameField, gridEPSG: gridEPSG)
    }

    /// The zones of a parsed GeoJSON document (see `read`).
    public static func parse(_ root: JSONNode, file: String, idField: String, nameField: String?, gridEPSG: Int?) throws(GEPError) -> [ZonePolygon] {
        var problems = DiagnosticList(file: file)
        let features: [JSONNode]
        switch root["type"]?.string {
        case "FeatureCollection":
            guard let list = root["features"]?.elements else {
                throw .invalidData([problems.at(root, "a FeatureCollection needs a \"features\" array")])
            }
            features = list
        case "Feature":
            features = [root]
        default:
            var found = "none"
            if let type = root["type"]?.string { found = "\"\(type)\"" }
            throw .invalidData([problems.at(root, "expected a GeoJSON FeatureCollection or Feature (\"type\"), found \(found)")])
        }
        if let crs = root["crs"] { problems.checkCRS(crs, gridEPSG: gridEPSG) }
        var zones: [ZonePolygon] = []
        for (index, feature) in features.enumerated() {
            let label = "feature \(index + 1)"
            guard let properties = feature["properties"], properties.members != nil else {
                problems.add(feature, "\(label) has no \"properties\" object (the zone id is read from property \"\(idField)\")")
                continue
            }
            let id = problems.zoneID(properties[idField], in: properties, field: idField, label: label)
            var name: String?
            if let nameField {
                if let text = properties[nameField]?.string {
                    name = text
                } else if let number = properties[nameField]?.double {
                    name = ZoneIDText.describe(number)
                } else {
                    problems.add(properties, "\(label) has no name property \"\(nameField)\"")
                }
            }
            guard let geometry = feature["geometry"], !geometry.isNull else {
                problems.add(feature, "\(label) has no geometry")
                continue
            }
            let rings = problems.rings(of: geometry, label: label)
            if let id, let rings { zones.append(ZonePolygon(id: id, name: name, rings: rings)) }
        }
        if root["crs"] == nil, let gridEPSG, !GeoTIFFWriter.CRSModel.automatic.isGeographic(gridEPSG), !zones.isEmpty,
           zones.allSatisfy({ $0.rings.joined().allSatisfy { abs($0.x) <= 180 && abs($0.y) <= 90 } }) {
            problems.add(root, "the coordinates are longitudes and latitudes (GeoJSON's WGS 84) but the grid is in EPSG:\(gridEPSG); "
                         + ZonePolygon.reprojection(file: file, gridEPSG: gridEPSG, extension: "geojson"))
        }
        try problems.throwIfAny()
        return zones
    }
}

/// Whole-number zone ids written as text: 441623100000, not 4.416231e+11.
enum ZoneIDText {
    static func describe(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 0x1p53 ? String(Int64(value)) : String(value)
    }
}

/// Problems found in one GeoJSON file, each with its position, capped when reported.
private struct DiagnosticList {
    let file: String
    var list: [Diagnostic] = []

    init(file: String) { self.file = file }

    func at(_ node: JSONNode, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: node.position.line, column: node.position.column, message: message)
    }

    mutating func add(_ node: JSONNode, _ message: String) { list.append(at(node, message)) }

    func throwIfAny() throws(GEPError) {
        guard !list.isEmpty else { return }
        throw .invalidData(list)
    }

    mutating func checkCRS(_ crs: JSONNode, gridEPSG: Int?) {
        let name = crs["properties"]?["name"]?.string ?? ""
        let code = name.split(whereSeparator: { $0 == ":" }).last.flatMap { Int($0) }
        guard let code, name.uppercased().contains("EPSG") else {
            add(crs, "the \"crs\" member names no EPSG code (\"\(name)\"); write the file with ogr2ogr -t_srs EPSG:<code>")
            return
        }
        if let gridEPSG, code != gridEPSG {
            add(crs, ZonePolygon.crsMismatch(file: file, epsg: code, gridEPSG: gridEPSG, extension: "geojson"))
        }
    }

    mutating func zoneID(_ node: JSONNode?, in properties: JSONNode, field: String, label: String) -> Double? {
        guard let node, !node.isNull else {
            add(properties, "\(label) has no id property \"\(field)\"")
            return nil
        }
        var value: Double?
        if let number = node.double { value = number }
        if let text = node.string, !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), text.count <= 16, let whole = Int64(text) {
            value = Double(whole)
            if Int64(exactly: value!) != whole { value = nil }
        }
        guard let id = value, id == id.rounded(), id >= 1, id <= 0x1p53 else {
            var shown = node.kindName
            if let number = node.double { shown = String(number) }
            if let text = node.string { shown = "\"\(text)\"" }
            add(node, "\(label): zone id \(shown) is not a whole number from 1 to 2^53")
            return nil
        }
        return id
    }

    mutating func rings(of geometry: JSONNode, label: String) -> [[ZonePolygon.Point]]? {
        let type = geometry["type"]?.string ?? ""
        guard let coordinates = geometry["coordinates"]?.elements else {
            add(geometry, "\(label): a \(type.isEmpty ? "geometry" : type) needs a \"coordinates\" array")
            return nil
        }
        let polygons: [JSONNode]
        switch type {
        case "Polygon": polygons = [geometry["coordinates"]!]
        case "MultiPolygon": polygons = coordinates
        default:
            add(geometry, "\(label): a \(type.isEmpty ? "geometry without a type" : type) is not a zone; expected Polygon or MultiPolygon")
            return nil
        }
        var rings: [[ZonePolygon.Point]] = []
        var valid = true
        for polygon in polygons {
            guard let ringNodes = polygon.elements, !ringNodes.isEmpty else {
                add(polygon, "\(label): an empty polygon (no rings)")
                valid = false
                continue
            }
            for ringNode in ringNodes {
                guard let positions = ringNode.elements else {
                    add(ringNode, "\(label): a ring must be an array of positions")
                    valid = false
                    continue
                }
                var ring: [ZonePolygon.Point] = []
                for position in positions {
                    guard let pair = position.elements, pair.count >= 2, let x = pair[0].double, let y = pair[1].double, x.isFinite, y.isFinite else {
                        add(position, "\(label): a position must be [x, y] with finite numbers")
                        valid = false
                        continue
                    }
                    ring.append(ZonePolygon.Point(x: x, y: y))
                }
                var distinct = ring
                if distinct.count > 1, distinct.first == distinct.last { distinct.removeLast() }
                if Set(distinct.map { [$0.x, $0.y] }).count < 3 {
                    add(ringNode, "\(label): a ring needs at least three distinct positions (found \(Set(distinct.map { [$0.x, $0.y] }).count))")
                    valid = false
                }
                rings.append(ring)
            }
        }
        return valid ? rings : nil
    }
}
