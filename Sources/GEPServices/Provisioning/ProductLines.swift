import GEPCore

/// The market-value method shared by the six material-product services:
/// V = Σᵢ Qᵢ·Pᵢ (gross output), or V = Σᵢ Qᵢ·Pᵢ·r (value added, r = the sector's
/// value-added ratio) (`coefficients/REFERENCES.md` §1).
///
/// Section format:
/// ```json
/// { "method": "gross_output",
///   "products": [ { "id": "rice", "name_zh": "稻谷", "name_en": "Rice", "ecosystem": "paddy",
///                   "quantity": {"value": 61000, "unit": "t", "source": "…"}, "price": "price.rice" } ] }
/// ```
/// Each product's price coefficient must be in money per unit of its quantity (a price in
/// CNY/kg for a quantity in t is converted; one in CNY/m3 is an error).
enum ProductLines {
    /// The two valuation bases; the gross-output vs value-added choice is recorded in the output.
    static func methods(_ id: ServiceID) -> [MethodSpec] {
        [
            MethodSpec(id: "gross_output", formula: "V = Σ_i Q_i × P_i  (Q_i product output, P_i unit price)",
                       source: "market value method, REFERENCES.md §1 [S1]"),
            MethodSpec(id: "value_added", formula: "V = Σ_i Q_i × P_i × r  (r = value_added_ratio.\(id.id))",
                       source: "market value at value added; the basis the national texts prescribe was not found (REFERENCES.md §1)"),
        ]
    }

    /// The spec of a product-line service.
    static func spec(_ id: ServiceID, unit: String) -> ServiceSpec {
        ServiceSpec(id: id, physicalUnit: .known(unit), methods: methods(id), sectionKeys: ["products"], inputs: ["services.\(id.id).products[]: id, name_zh, name_en, ecosystem, quantity, price"],
                    coefficients: ["<price id of each product>", "value_added_ratio.\(id.id) (value_added only)"])
    }

    /// Reads the products and produces one priced line per product.
    static func account(spec: ServiceSpec, method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        var reader = FieldReader(file: context.input.file)
        let base = "services.\(spec.id.id)"
        var lines: [ValueLine] = []
        let factors = method.id == "value_added" ? ["value_added_ratio.\(spec.id.id)"] : []
        if let list = reader.field(section, "products", path: base, required: true), let items = reader.array(list, path: base + ".products") {
            if items.isEmpty { reader.report("at least one product is needed", at: list.position, path: base + ".products") }
            var seen: Set<String> = []
            for (index, item) in items.enumerated() {
                let path = "\(base).products[\(index)]"
                guard var line = readLine(item, path: path, service: spec.id, extraKeys: [], reader: &reader) else { continue }
                checkPrice(line, item: item, path: path, coefficients: &context.coefficients, reader: &reader)
                if !seen.insert(line.component).inserted {
                    reader.report("duplicate product id \"\(line.component)\"", at: item["id"]?.position, path: path + ".id")
                }
                line.factorIDs = factors
                lines.append(line)
            }
        }
        context.diagnostics += reader.diagnostics
        return summarise(spec: spec, method: method, lines: lines)
    }

    /// Reports a line whose `price` names no coefficient in force, at the `price` field of the
    /// input (with the nearest id), so the problem points at the line that names it.
    static func checkPrice(_ line: ValueLine, item: JSONNode, path: String, coefficients: inout CoefficientLookup, reader: inout FieldReader) {
        guard !coefficients.has(line.priceID) else { return }
        coefficients.noteReportedMissing(line.priceID)
        var message = "price \"\(line.priceID.echoed())\" names no coefficient in force (expected a price in \(line.priceUnit.symbol))"
        if let near = EditDistance.nearest(to: line.priceID, in: coefficients.effective.ids) { message += "; did you mean \"\(near)\"?" }
        reader.report(message, at: item["price"]?.position, path: path + ".price")
    }

    /// Reads one priced line `{id, name_zh, name_en, ecosystem?, quantity, price, source?, note?}`
    /// (plus `extraKeys`), reporting every problem; `nil` when a required part is missing.
    static func readLine(_ item: JSONNode, path: String, service: ServiceID, extraKeys: [String], reader: inout FieldReader) -> ValueLine? {
        guard reader.object(item, path: path) != nil else { return nil }
        reader.rejectUnknownKeys(item, allowed: ["id", "name_zh", "name_en", "ecosystem", "quantity", "price", "source", "note"] + extraKeys, path: path)
        let id = reader.string(item, "id", path: path)
        let nameZH = reader.string(item, "name_zh", path: path)
        let nameEN = reader.string(item, "name_en", path: path)
        let price = reader.string(item, "price", path: path)
        var ecosystem: EcosystemType?
        var ecosystemValid = true
        if let text = reader.string(item, "ecosystem", path: path, required: false) {
            ecosystem = EcosystemType(rawValue: text)
            if ecosystem == nil {
                ecosystemValid = false
                var message = "unknown ecosystem type \"\(text)\""
                if let near = EditDistance.nearest(to: text, in: EcosystemType.allCases.map(\.id)) { message += "; did you mean \"\(near)\"?" }
                reader.report(message, at: item["ecosystem"]?.position, path: path + ".ecosystem")
            }
        }
        let quantity = readQuantity(item, path: path, reader: &reader)
        guard let id, let nameZH, let nameEN, let price, let quantity, ecosystemValid else { return nil }
        return ValueLine(service: service, component: id, labelZH: nameZH, labelEN: nameEN, ecosystem: ecosystem,
                         quantity: quantity.value, unit: quantity.unit, priceID: price)
    }

    /// A quantity in whatever unit the user wrote (its price must match it).
    private static func readQuantity(_ item: JSONNode, path: String, reader: inout FieldReader) -> SourcedQuantity? {
        guard let node = reader.field(item, "quantity", path: path, required: true) else { return nil }
        let unitText = node["unit"]?.string
        let written = unitText.flatMap { try? PhysicalUnit(parsing: $0) }
        // Parse against its own unit so unit syntax and negativity are checked the usual way.
        return reader.quantity(node, path: path + ".quantity", expected: written ?? .dimensionless)
    }

    /// Headline physical totals: summed in the spec's unit when every product is commensurable with it.
    private static func summarise(spec: ServiceSpec, method: MethodSpec, lines: [ValueLine]) -> ServiceAccount {
        var sums: [EcosystemType?: Double] = [:]
        var commensurable = true
        for line in lines {
            guard let factor = line.unit.conversionFactor(to: spec.physicalUnit) else { commensurable = false; break }
            sums[line.ecosystem, default: 0] += line.quantity * factor
        }
        let physical = commensurable ? EcosystemAttribution.ordered(sums).map { ($0.ecosystem, $0.value) } : []
        let total = commensurable ? physical.reduce(0) { $0 + $1.1 } : nil
        let notes = commensurable ? [] : ["products are in different units; see the product lines for physical quantities"]
        return ServiceAccount(id: spec.id, status: .accounted, method: method.id, formula: method.formula, physicalUnit: spec.physicalUnit,
                              physicalByEcosystem: physical, physicalTotal: total, lines: lines, notes: notes)
    }
}
