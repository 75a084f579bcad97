import Foundation
import GEPCore

extension Scenario {
    static let topLevelKeys = ["id", "name_zh", "name_en", "baseline", "grid_baseline", "land_cover_raster", "land_cover_rule",
                               "land_cover", "adjust", "coefficients", "services", "accounting_year", "price_basis", "description"]

    /// Reads and validates a scenario file, reporting every problem (file:line:column).
    ///
    /// - Parameters:
    ///   - directory: the scenario file's directory; the baseline path resolves against it.
    public static func parse(_ bytes: [UInt8], file: String, directory: String) throws(GEPError) -> Scenario {
        let root = try JSONParser.parse(bytes, file: file)
        var reader = FieldReader(file: file)
        guard reader.object(root, path: "") != nil else { throw .invalidData(reader.diagnostics) }
        reader.rejectUnknownKeys(root, allowed: topLevelKeys, path: "")
        let id = reader.string(root, "id", path: "") ?? ""
        let nameZH = reader.string(root, "name_zh", path: "") ?? ""
        let nameEN = reader.string(root, "name_en", path: "") ?? ""
        func resolve(_ path: String) -> String { path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path }
        let grid = reader.string(root, "grid_baseline", path: "", required: false)
        let baseline = reader.string(root, "baseline", path: "", required: grid == nil) ?? grid ?? ""
        if grid != nil && root["baseline"] != nil {
            reader.report("give either \"baseline\" (a county input) or \"grid_baseline\" (a grid input), not both", at: root.position, path: "")
        }
        let landCoverRaster = reader.string(root, "land_cover_raster", path: "", required: false).map(resolve)
        var rule: LandCoverRule?
        if let node = reader.field(root, "land_cover_rule", path: "", required: false), reader.object(node, path: "land_cover_rule") != nil {
            reader.rejectUnknownKeys(node, allowed: ["from", "to", "raster", "above", "note", "source"], path: "land_cover_rule")
            var from: Set<Int> = []
            if let list = reader.field(node, "from", path: "land_cover_rule", required: true), let codes = reader.array(list, path: "land_cover_rule.from") {
                for code in codes {
                    guard let value = code.double else {
                        reader.report("expected a land-cover code (an integer from 0 to 65535), found \(code.kindName)", at: code.position, path: "land_cover_rule.from")
                        continue
                    }
                    if let lucode = Int(exactly: value), (0...65535).contains(lucode) {
                        from.insert(lucode)
                    } else {
                        reader.report("expected a land-cover code (an integer from 0 to 65535), found \(value)", at: code.position, path: "land_cover_rule.from")
                    }
                }
            }
            let to = reader.integer(node, "to", path: "land_cover_rule", in: 0...65535)
            let raster = reader.string(node, "raster", path: "land_cover_rule")
            let above = reader.number(node, "above", path: "land_cover_rule")
            if let to, let raster, let above { rule = LandCoverRule(from: from, to: to, raster: resolve(raster), above: above) }
        }
        if grid == nil && (landCoverRaster != nil || rule != nil) {
            reader.report("\"land_cover_raster\" and \"land_cover_rule\" apply to grid scenarios (\"grid_baseline\")", at: root.position, path: "")
        }
        if grid != nil && (root["land_cover"] != nil || root["adjust"] != nil) {
            reader.report("grid scenarios change land cover with \"land_cover_raster\" or \"land_cover_rule\"; \"land_cover\" and \"adjust\" apply to county inputs",
                          at: root.position, path: "")
        }
        var conversions: [Conversion] = []
        if let list = reader.field(root, "land_cover", path: "", required: false), let items = reader.array(list, path: "land_cover") {
            for (index, item) in items.enumerated() {
                let path = "land_cover[\(index)]"
                guard reader.object(item, path: path) != nil else { continue }
                reader.rejectUnknownKeys(item, allowed: ["from", "to", "area", "note", "source"], path: path)
                let from = ecosystem(item, "from", path: path, reader: &reader)
                let to = ecosystem(item, "to", path: path, reader: &reader)
                let area = reader.quantity(item, "area", path: path, expected: .known("ha"))
                if let from, let to, from == to { reader.report("\"from\" and \"to\" are the same type", at: item.position, path: path) }
                if let from, let to, let area { conversions.append(Conversion(from: from, to: to, area: area.value)) }
            }
        }
        var adjustments: [Adjustment] = []
        if let list = reader.field(root, "adjust", path: "", required: false), let items = reader.array(list, path: "adjust") {
            for (index, item) in items.enumerated() {
                let path = "adjust[\(index)]"
                guard reader.object(item, path: path) != nil else { continue }
                reader.rejectUnknownKeys(item, allowed: ["path", "multiply", "add", "set", "note", "source"], path: path)
                guard let target = reader.string(item, "path", path: path) else { continue }
                let operations = ["multiply", "add", "set"].filter { item[$0] != nil }
                guard operations.count == 1 else {
                    reader.report("give exactly one of \"multiply\", \"add\" or \"set\"", at: item.position, path: path)
                    continue
                }
                switch operations[0] {
                case "multiply":
                    if let factor = reader.number(item, "multiply", path: path) {
                        if factor < 0 { reader.report("a factor must not be negative, found \(factor)", at: item["multiply"]?.position, path: path + ".multiply") }
                        adjustments.append(Adjustment(path: target, operation: .multiply(factor)))
                    }
                default:
                    let key = operations[0]
                    guard let node = item[key], reader.object(node, path: path + "." + key) != nil else { continue }
                    guard let value = reader.number(node, "value", path: path + "." + key),
                          let unitText = reader.string(node, "unit", path: path + "." + key) else { continue }
                    do {
                        let unit = try PhysicalUnit(parsing: unitText)
                        adjustments.append(Adjustment(path: target, operation: key == "add" ? .add(value, unit)
                                                      : .set(value, unit, node["source"]?.string)))
                    } catch {
                        reader.report(error.description, at: node["unit"]?.position, path: path + "." + key + ".unit")
                    }
                }
            }
        }
        var coefficients: [(id: String, change: CoefficientChange)] = []
        if let node = reader.field(root, "coefficients", path: "", required: false), let members = reader.object(node, path: "coefficients") {
            for member in members where !member.key.hasPrefix("_") {
                let path = "coefficients.\(member.key)"
                if let value = member.value.double {
                    coefficients.append((member.key, .set(value)))
                } else if member.value.members != nil {
                    reader.rejectUnknownKeys(member.value, allowed: ["multiply", "note", "source"], path: path)
                    if let factor = reader.number(member.value, "multiply", path: path) { coefficients.append((member.key, .multiply(factor))) }
                } else {
                    reader.report("expected a number (the new value in the coefficient's unit) or {\"multiply\": factor}, found \(member.value.kindName)",
                                  at: member.value.position, path: path)
                }
            }
        }
        var services: [ServiceID: JSON] = [:]
        if let node = reader.field(root, "services", path: "", required: false), let members = reader.object(node, path: "services") {
            for member in members where !member.key.hasPrefix("_") {
                guard let id = ServiceID(rawValue: member.key) else {
                    var message = "unknown service \"\(member.key)\""
                    if let near = EditDistance.nearest(to: member.key, in: ServiceID.allCases.map(\.id)) { message += "; did you mean \"\(near)\"?" }
                    reader.report(message, at: member.keyPosition, path: "services.\(member.key)")
                    continue
                }
                if reader.object(member.value, path: "services.\(member.key)") != nil { services[id] = JSON(member.value) }
            }
        }
        let year = reader.integer(root, "accounting_year", path: "", in: 1950...2100, required: false)
        let basis = reader.priceBasis(root, path: "")
        guard reader.diagnostics.isEmpty else { throw .invalidData(reader.diagnostics) }
        let resolved = resolve(baseline)
        return Scenario(gridBaselinePath: grid.map(resolve), landCoverRaster: landCoverRaster, landCoverRule: rule, id: id, nameZH: nameZH, nameEN: nameEN, file: file, baselinePath: resolved, baselineName: baseline,
                        conversions: conversions, adjustments: adjustments, coefficients: coefficients, services: services,
                        year: year, priceBasis: basis)
    }

    private static func ecosystem(_ item: JSONNode, _ key: String, path: String, reader: inout FieldReader) -> EcosystemType? {
        guard let text = reader.string(item, key, path: path) else { return nil }
        if let type = EcosystemType(rawValue: text) { return type }
        var message = "unknown ecosystem type \"\(text)\""
        if let near = EditDistance.nearest(to: text, in: EcosystemType.allCases.map(\.id)) { message += "; did you mean \"\(near)\"?" }
        reader.report(message, at: item[key]?.position, path: path + "." + key)
        return nil
    }
}
