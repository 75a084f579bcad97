extension CountyInput {
    /// Keys allowed at the top level of a county input file.
    static let topLevelKeys = ["region", "accounting_year", "coefficient_set", "price_basis", "socioeconomic", "climate",
                               "ecosystems", "forest_stock", "hydrology", "downstream_reservoir", "services", "imports"]

    /// Relative tolerance on the ecosystem areas summing to the region's area.
    static let areaClosureTolerance = 0.001

    /// Reads and validates a county input file, reporting every problem at once.
    ///
    /// Checked here: JSON syntax (file:line:column), unknown keys (with the nearest valid
    /// key), unknown ecosystem types and service ids, units of every quantity, negative
    /// areas and volumes, shares outside 0–1, and that the ecosystem areas add up to the
    /// region's area within 0.1 %. Service sections are checked by their models.
    ///
    /// - Throws: `GEPError.invalidData` listing every problem found.
    public static func parse(_ bytes: [UInt8], file: String) throws(GEPError) -> CountyInput {
        let root = try JSONParser.parse(bytes, file: file)
        var reader = FieldReader(file: file)
        guard reader.object(root, path: "") != nil else { throw .invalidData(reader.diagnostics) }
        reader.rejectUnknownKeys(root, allowed: topLevelKeys, path: "")

        var regionID = "", nameZH = "", nameEN = ""
        var area: SourcedQuantity?
        if let region = reader.field(root, "region", path: "", required: true), reader.object(region, path: "region") != nil {
            reader.rejectUnknownKeys(region, allowed: ["id", "name_zh", "name_en", "admin_code", "area"], path: "region")
            regionID = reader.string(region, "id", path: "region") ?? ""
            nameZH = reader.string(region, "name_zh", path: "region") ?? ""
            nameEN = reader.string(region, "name_en", path: "region") ?? ""
            _ = reader.string(region, "admin_code", path: "region", required: false)
            area = reader.quantity(region, "area", path: "region", expected: .known("km2"))
            if let value = area?.value, value == 0 {
                reader.report("region area must be positive", at: region["area"]?.position, path: "region.area")
            }
        }
        let year = reader.integer(root, "accounting_year", path: "", in: 1950...2100)
        let coefficientSet = reader.string(root, "coefficient_set", path: "") ?? ""
        let priceBasis = reader.priceBasis(root, path: "") ?? .current
        let socio = readFields(root, key: "socioeconomic", fields: CountyFields.socioeconomic, reader: &reader)
        let climate = readFields(root, key: "climate", fields: CountyFields.climate, reader: &reader)
        let hydrology = readFields(root, key: "hydrology", fields: CountyFields.hydrology, reader: &reader)

        var areas: [EcosystemType: SourcedQuantity] = [:]
        var ecosystemFields: [EcosystemType: [String: SourcedQuantity]] = [:]
        var areasComplete = true
        if let node = reader.field(root, "ecosystems", path: "", required: true), let members = reader.object(node, path: "ecosystems") {
            for member in members where !member.key.hasPrefix("_") {
                let path = "ecosystems.\(member.key)"
                guard let type = ecosystemType(member.key, at: member.keyPosition, path: path, reader: &reader) else {
                    areasComplete = false
                    continue
                }
                let fields = readFields(member.value, path: path, fields: CountyFields.ecosystem, reader: &reader)
                if let area = fields["area"] { areas[type] = area } else {
                    areasComplete = false
                    if member.value.members != nil && member.value["area"] == nil {
                        reader.report("missing required field \"area\"", at: member.value.position, path: path)
                    }
                }
                ecosystemFields[type] = fields
            }
        }
        if let area, !areas.isEmpty, areasComplete {
            let total = areas.values.reduce(0) { $0 + $1.value }
            let regionHa = area.value * 100
            if abs(total - regionHa) > areaClosureTolerance * regionHa {
                reader.report("ecosystem areas add up to \(formatted(total)) ha but the region's area is \(formatted(regionHa)) ha (\(formatted(area.value)) km²); they must agree within 0.1 %",
                              at: root["ecosystems"]?.position, path: "ecosystems")
            }
        }

        var forestStock: [EcosystemType: [String: SourcedQuantity]] = [:]
        if let node = reader.field(root, "forest_stock", path: "", required: false), let members = reader.object(node, path: "forest_stock") {
            for member in members where !member.key.hasPrefix("_") {
                let path = "forest_stock.\(member.key)"
                guard let type = ecosystemType(member.key, at: member.keyPosition, path: path, reader: &reader) else { continue }
                if !type.isForest || type == .bambooForest {
                    reader.report("standing timber stock is kept for the evergreen broadleaf, coniferous and mixed forest types, not \(type.id)", at: member.keyPosition, path: path)
                    continue
                }
                forestStock[type] = readFields(member.value, path: path, fields: CountyFields.forestStock, reader: &reader)
            }
        }

        var reservoir: DownstreamReservoir?
        if let node = reader.field(root, "downstream_reservoir", path: "", required: false), reader.object(node, path: "downstream_reservoir") != nil {
            let path = "downstream_reservoir"
            reader.rejectUnknownKeys(node, allowed: ["name_zh", "name_en", "draining_share", "mean_inflow"], path: path)
            let zh = reader.string(node, "name_zh", path: path)
            let en = reader.string(node, "name_en", path: path)
            let share = reader.quantity(node, "draining_share", path: path, expected: .known("1"))
            if let value = share?.value, value > 1 {
                reader.report("a share must be between 0 and 1, found \(value)", at: node["draining_share"]?.position, path: path + ".draining_share")
            }
            let inflow = reader.quantity(node, "mean_inflow", path: path, expected: .known("m3/a"), required: false)
            if let zh, let en, let share { reservoir = DownstreamReservoir(nameZH: zh, nameEN: en, drainingShare: share, meanInflow: inflow) }
        }

        var sections: [ServiceID: JSONNode] = [:]
        if let node = reader.field(root, "services", path: "", required: true), let members = reader.object(node, path: "services") {
            for member in members where !member.key.hasPrefix("_") {
                guard let id = ServiceID(rawValue: member.key) else {
                    var message = "unknown service \"\(member.key)\""
                    if let near = EditDistance.nearest(to: member.key, in: ServiceID.allCases.map(\.id)) { message += "; did you mean \"\(near)\"?" }
                    else { message += " (services: \(ServiceID.allCases.map(\.id).joined(separator: ", ")))" }
                    reader.report(message, at: member.keyPosition, path: "services.\(member.key)")
                    continue
                }
                if reader.object(member.value, path: "services.\(member.key)") != nil { sections[id] = member.value }
            }
        }
        var imports: [JSONNode] = []
        if let node = reader.field(root, "imports", path: "", required: false) {
            imports = reader.array(node, path: "imports") ?? []
        }

        guard reader.diagnostics.isEmpty, let area, let year else { throw .invalidData(inFileOrder(reader.diagnostics)) }
        return CountyInput(file: file, regionID: regionID, regionNameZH: nameZH, regionNameEN: nameEN, area: area, year: year,
                           coefficientSet: coefficientSet, priceBasis: priceBasis, gdp: socio["gdp"], population: socio["population"],
                           climate: climate, areas: areas, ecosystemFields: ecosystemFields, forestStock: forestStock,
                           hydrology: hydrology, downstreamReservoir: reservoir, serviceSections: sections, importSections: imports)
    }

    /// Diagnostics sorted by line and column (a stable sort: same-place problems keep their order).
    static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let l = (a.element.line ?? 0, a.element.column ?? 0, a.offset), r = (b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return l < r
        }.map(\.element)
    }

    private static func ecosystemType(_ key: String, at position: SourcePosition, path: String, reader: inout FieldReader) -> EcosystemType? {
        if let type = EcosystemType(rawValue: key) { return type }
        var message = "unknown ecosystem type \"\(key)\""
        if let near = EditDistance.nearest(to: key, in: EcosystemType.allCases.map(\.id)) { message += "; did you mean \"\(near)\"?" }
        else { message += " (types: \(EcosystemType.allCases.map(\.id).joined(separator: ", ")))" }
        reader.report(message, at: position, path: path)
        return nil
    }

    private static func readFields(_ parent: JSONNode, key: String, fields: [CountyFields.Field], reader: inout FieldReader) -> [String: SourcedQuantity] {
        guard let node = reader.field(parent, key, path: "", required: false) else { return [:] }
        return readFields(node, path: key, fields: fields, reader: &reader)
    }

    private static func readFields(_ node: JSONNode, path: String, fields: [CountyFields.Field], reader: inout FieldReader) -> [String: SourcedQuantity] {
        guard reader.object(node, path: path) != nil else { return [:] }
        reader.rejectUnknownKeys(node, allowed: fields.map(\.key), path: path)
        var result: [String: SourcedQuantity] = [:]
        for field in fields {
            if let value = reader.quantity(node, field.key, path: path, expected: field.unit, required: false) { result[field.key] = value }
        }
        return result
    }

    private static func formatted(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() && rounded.magnitude < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
