import GEPCore

extension QuoteSpec {
    /// The top-level keys of a quote file.
    static let topKeys = ["quote_id", "county_input", "grid_input", "draining_zone", "price_basis", "scheme", "water_quantity_quality", "gep_spillover",
                          "gep_increment", "opportunity_cost", "upper_bound", "payers", "rounding"]

    /// Parses a quote file, collecting every problem (file:line:column) before failing.
    ///
    /// Rejected: missing fields, unknown keys and an unknown scheme (with the nearest name),
    /// negative quantities, a zero concentration standard, payer shares that do not sum to 1
    /// within 1e-9, an unknown rounding unit or rule.
    /// - Throws: `GEPError.invalidData` (exit 65) with every problem found.
    public static func parse(_ bytes: [UInt8], file: String) throws(GEPError) -> QuoteSpec {
        let root = try JSONParser.parse(bytes, file: file)
        var r = FieldReader(file: file)
        guard r.object(root, path: "") != nil else { throw .invalidData(r.diagnostics) }
        r.rejectUnknownKeys(root, allowed: topKeys, path: "")
        let id = r.string(root, "quote_id", path: "")
        let grid = r.string(root, "grid_input", path: "", required: false)
        let county = grid == nil ? r.string(root, "county_input", path: "") : ""
        if grid != nil && root["county_input"] != nil {
            r.report("give either \"county_input\" or \"grid_input\", not both", at: root["county_input"]?.position, path: "county_input")
        }
        var drainingZone: DrainingZone?
        if let node = r.field(root, "draining_zone", path: "", required: false), r.object(node, path: "draining_zone") != nil {
            r.rejectUnknownKeys(node, allowed: ["zone_set", "zone", "note"], path: "draining_zone")
            if let set = r.string(node, "zone_set", path: "draining_zone"), let zone = r.integer(node, "zone", path: "draining_zone", in: 0...16_777_216) {
                drainingZone = DrainingZone(zoneSet: set, zone: zone)
            }
            if grid == nil { r.report("\"draining_zone\" applies to grid quotes (\"grid_input\")", at: node.position, path: "draining_zone") }
        }
        let basis = r.priceBasis(root, path: "")
        let scheme = parseScheme(root, &r)
        var lines: [OpportunityCostLine] = []
        if let node = r.field(root, "opportunity_cost", path: "", required: true), let items = r.array(node, path: "opportunity_cost") {
            for (i, item) in items.enumerated() {
                let p = "opportunity_cost[\(i)]"
                guard r.object(item, path: p) != nil else { continue }
                r.rejectUnknownKeys(item, allowed: ["label", "area", "forgone_net_income"], path: p)
                let label = r.string(item, "label", path: p)
                let area = r.quantity(item, "area", path: p, expected: .known("ha"))
                let income = r.quantity(item, "forgone_net_income", path: p, expected: .known("CNY/ha"))
                if let label, let area, let income { lines.append(OpportunityCostLine(label: label, area: area, income: income)) }
            }
        }
        var upper: UpperBoundBasis?
        if let text = r.string(root, "upper_bound", path: "") {
            upper = UpperBoundBasis(rawValue: text)
            if upper == nil { r.report(unknown("upper bound", text, UpperBoundBasis.allCases.map(\.rawValue)), at: root["upper_bound"]?.position, path: "upper_bound") }
        }
        let payers = parsePayers(root, &r)
        let rounding = parseRounding(root, &r)
        guard r.diagnostics.isEmpty, let id, let county, let scheme, let upper, let payers, let rounding else {
            throw .invalidData(r.diagnostics)
        }
        return QuoteSpec(id: id, countyInput: county, gridInput: grid, drainingZone: drainingZone, priceBasis: basis, scheme: scheme, opportunityCost: lines,
                         upperBound: upper, payers: payers, rounding: rounding)
    }

    static func unknown(_ what: String, _ text: String, _ names: [String]) -> String {
        var message = "unknown \(what) \"\(text)\""
        if let near = EditDistance.nearest(to: text, in: names) { message += "; did you mean \"\(near)\"?" }
        return message + " (expected one of: \(names.joined(separator: ", ")))"
    }

    private static func parseScheme(_ root: JSONNode, _ r: inout FieldReader) -> CompensationScheme? {
        guard let name = r.string(root, "scheme", path: "") else { return nil }
        guard CompensationScheme.names.contains(name) else {
            r.report(unknown("scheme", name, CompensationScheme.names), at: root["scheme"]?.position, path: "scheme")
            return nil
        }
        guard let node = r.field(root, name, path: "", required: true), r.object(node, path: name) != nil else { return nil }
        switch name {
        case "water_quantity_quality": return parseWater(node, &r).map(CompensationScheme.waterQuantityQuality)
        case "gep_spillover":
            r.rejectUnknownKeys(node, allowed: ["services"], path: name)
            guard let list = r.field(node, "services", path: name, required: false) else { return .gepSpillover(services: defaultSpilloverServices) }
            guard let items = r.array(list, path: "\(name).services") else { return nil }
            var services: [String] = []
            for (i, item) in items.enumerated() {
                if let s = item.string { services.append(s) } else { r.report("expected a string, found \(item.kindName)", at: item.position, path: "\(name).services[\(i)]") }
            }
            return .gepSpillover(services: services)
        default:
            r.rejectUnknownKeys(node, allowed: ["previous_input", "constant_price_year", "rate"], path: name)
            let previous = r.string(node, "previous_input", path: name)
            let year = r.integer(node, "constant_price_year", path: name, in: 1950...2100)
            let rate = r.quantity(node, "rate", path: name, expected: .dimensionless)
            guard let previous, let year, let rate else { return nil }
            return .gepIncrement(previousInput: previous, priceYear: year, rate: rate)
        }
    }

    private static func parseWater(_ node: JSONNode, _ r: inout FieldReader) -> WaterQuantityQualityInputs? {
        let p = "water_quantity_quality"
        r.rejectUnknownKeys(node, allowed: ["water_price", "k0", "pollutants", "payment_capacity", "water_from_grid"], path: p)
        var gridSource: GridWaterSource?
        if let gridNode = r.field(node, "water_from_grid", path: p, required: false), r.object(gridNode, path: "\(p).water_from_grid") != nil {
            let gp = "\(p).water_from_grid"
            r.rejectUnknownKeys(gridNode, allowed: ["grid", "zone_set", "zone", "note"], path: gp)
            if let grid = r.string(gridNode, "grid", path: gp), let set = r.string(gridNode, "zone_set", path: gp),
               let zone = r.integer(gridNode, "zone", path: gp, in: 0...16_777_216) {
                gridSource = GridWaterSource(grid: grid, zoneSet: set, zone: zone)
            }
        }
        var price: WaterPrice? = .coefficient("price.reservoir_storage_cost")
        if let priceNode = r.field(node, "water_price", path: p, required: false) {
            if let id = priceNode["coefficient"]?.string {
                r.rejectUnknownKeys(priceNode, allowed: ["coefficient"], path: "\(p).water_price")
                price = .coefficient(id)
            } else {
                price = r.quantity(priceNode, path: "\(p).water_price", expected: .known("CNY/m3")).map(WaterPrice.quantity)
            }
        }
        let k0 = r.quantity(node, "k0", path: p, expected: .dimensionless)
        var pollutants: [PollutantReading] = []
        if let list = r.field(node, "pollutants", path: p, required: true), let items = r.array(list, path: "\(p).pollutants") {
            if items.isEmpty { r.report("at least one pollutant is needed", at: list.position, path: "\(p).pollutants") }
            for (i, item) in items.enumerated() {
                let ip = "\(p).pollutants[\(i)]"
                guard r.object(item, path: ip) != nil else { continue }
                r.rejectUnknownKeys(item, allowed: ["id", "concentration", "standard", "weight"], path: ip)
                let id = r.string(item, "id", path: ip)
                let c = r.quantity(item, "concentration", path: ip, expected: .known("mg/L"))
                let s = r.quantity(item, "standard", path: ip, expected: .known("mg/L"))
                let w = r.quantity(item, "weight", path: ip, expected: .dimensionless)
                if let s, s.value <= 0 {
                    r.report("the standard concentration must be positive (it divides the measured one), found \(s.value) mg/L", at: item["standard"]?["value"]?.position, path: "\(ip).standard.value")
                    continue
                }
                if let id, let c, let s, let w { pollutants.append(PollutantReading(id: id, concentration: c, standard: s, weight: w)) }
            }
        }
        var capacity: PaymentCapacity?
        if let cap = r.field(node, "payment_capacity", path: p, required: true), r.object(cap, path: "\(p).payment_capacity") != nil {
            let cp = "\(p).payment_capacity"
            r.rejectUnknownKeys(cap, allowed: ["payer_gdp_per_capita", "payee_gdp_per_capita", "coefficient"], path: cp)
            if cap["coefficient"] != nil {
                capacity = r.quantity(cap, "coefficient", path: cp, expected: .dimensionless).map(PaymentCapacity.given)
            } else {
                let payer = r.quantity(cap, "payer_gdp_per_capita", path: cp, expected: .known("CNY/person"))
                let payee = r.quantity(cap, "payee_gdp_per_capita", path: cp, expected: .known("CNY/person"))
                if let payee, payee.value <= 0 { r.report("payee GDP per capita must be positive", at: cap["payee_gdp_per_capita"]?.position, path: "\(cp).payee_gdp_per_capita") }
                else if let payer, let payee { capacity = .gdpRatio(payer: payer, payee: payee) }
            }
        }
        guard let price, let k0, let capacity else { return nil }
        return WaterQuantityQualityInputs(gridSource: gridSource, gridWater: nil, price: price, k0: k0, pollutants: pollutants, capacity: capacity)
    }

    private static func parsePayers(_ root: JSONNode, _ r: inout FieldReader) -> [Payer]? {
        guard let node = r.field(root, "payers", path: "", required: true), let items = r.array(node, path: "payers") else { return nil }
        if items.isEmpty { r.report("at least one payer is needed", at: node.position, path: "payers") }
        var payers: [Payer] = []
        for (i, item) in items.enumerated() {
            let p = "payers[\(i)]"
            guard r.object(item, path: p) != nil else { continue }
            r.rejectUnknownKeys(item, allowed: ["id", "name", "share"], path: p)
            let id = r.string(item, "id", path: p)
            let name = r.string(item, "name", path: p)
            let share = r.quantity(item, "share", path: p, expected: .dimensionless)
            if let id, let name, let share { payers.append(Payer(id: id, name: name, share: share)) }
        }
        guard payers.count == items.count else { return nil }
        let sum = payers.reduce(0) { $0 + $1.share.value }
        if !payers.isEmpty, abs(sum - 1) > 1e-9 {
            r.report("payer shares must sum to 1 (within 1e-9), found \(sum)", at: node.position, path: "payers")
            return nil
        }
        return payers
    }

    private static func parseRounding(_ root: JSONNode, _ r: inout FieldReader) -> QuoteRounding? {
        guard let node = r.field(root, "rounding", path: "", required: true), r.object(node, path: "rounding") != nil else { return nil }
        r.rejectUnknownKeys(node, allowed: ["unit", "rule"], path: "rounding")
        var unit: QuoteRounding.Unit?, rule: QuoteRounding.Rule?
        if let text = r.string(node, "unit", path: "rounding") {
            unit = QuoteRounding.Unit(rawValue: text)
            if unit == nil { r.report(unknown("rounding unit", text, QuoteRounding.Unit.allCases.map(\.rawValue)), at: node["unit"]?.position, path: "rounding.unit") }
        }
        if let text = r.string(node, "rule", path: "rounding") {
            rule = QuoteRounding.Rule(rawValue: text)
            if rule == nil { r.report(unknown("rounding rule", text, QuoteRounding.Rule.allCases.map(\.rawValue)), at: node["rule"]?.position, path: "rounding.rule") }
        }
        guard let unit, let rule else { return nil }
        return QuoteRounding(unit: unit, rule: rule)
    }
}
