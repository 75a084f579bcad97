import GEPCore

/// The account as stable, sorted JSON: raw numbers in base units, both language names, every
/// line, and every coefficient used with its provenance and users.
///
/// Top-level keys: `region`, `year`, `price_basis`, `total_yuan`, `gross_yuan`, `imports`,
/// `categories`, `services`, `by_ecosystem`, `assets`, `indicators`, `coefficients`.
public enum AccountJSON {
    /// The JSON value of an account.
    public static func value(_ account: Account) -> JSON {
        var root: [String: JSON] = [:]
        root["format"] = "gep.account/1"
        root["input"] = .string(account.inputFile)
        root["region"] = ["id": .string(account.regionID), "name_zh": .string(account.regionNameZH),
                          "name_en": .string(account.regionNameEN), "area_km2": .number(account.areaKm2)]
        root["year"] = .number(Double(account.year))
        root["price_basis"] = ["basis": .string(account.priceBasis.description), "price_year": .number(Double(account.priceYear)),
                               "price_index": .string(account.priceIndexID), "currency": "CNY"]
        root["coefficient_layers"] = .array(account.coefficientLayers.map { .string($0) })
        root["gross_yuan"] = .number(account.grossValue)
        root["imports_yuan"] = .number(account.importsValue)
        root["total_yuan"] = .number(account.total)
        root["categories"] = .array(ServiceCategory.allCases.map { category in
            ["id": .string(category.id), "name_zh": .string(category.nameZH), "name_en": .string(category.nameEN),
             "value_yuan": .number(account.value(of: category))]
        })
        root["services"] = .array(account.services.map(service))
        root["imports"] = .array(zip(account.imports, account.importValues).map { line(service: true, $0, $1) })
        root["assets"] = .array(zip(account.assets, account.assetValues).map { line(service: false, $0, $1) })
        root["assets_note"] = "ecological assets are stocks, valued apart and never added to GEP"
        root["by_ecosystem"] = .array(account.valueByEcosystem.map { entry in
            ["ecosystem": ecosystemID(entry.ecosystem), "value_yuan": .number(entry.value)]
        })
        root["indicators"] = .array(account.indicators.map { indicator in
            ["id": .string(indicator.id), "name_zh": .string(indicator.nameZH), "name_en": .string(indicator.nameEN),
             "value": .number(indicator.value), "unit": .string(indicator.unit.symbol), "formula": .string(indicator.formula)]
        })
        root["coefficients"] = .array(account.coefficientsUsed.map(coefficient))
        return .object(root)
    }

    /// The JSON text, pretty-printed with sorted keys and a final newline.
    public static func render(_ account: Account) -> String { JSONWriter.string(value(account)) }

    static func service(_ service: ServiceAccount) -> JSON {
        var object: [String: JSON] = [
            "id": .string(service.id.id), "category": .string(service.id.category.id),
            "name_zh": .string(service.id.nameZH), "name_en": .string(service.id.nameEN),
            "value_yuan": .number(service.value),
        ]
        switch service.status {
        case .accounted:
            object["status"] = "accounted"
            object["method"] = .string(service.method)
            object["formula"] = .string(service.formula)
            object["physical"] = ["value": service.physicalTotal.map(JSON.number) ?? .null, "unit": .string(service.physicalUnit.symbol)]
            let values = service.valueByEcosystem
            object["by_ecosystem"] = .array(service.physicalByEcosystem.map { entry in
                let value = values.first { $0.ecosystem == entry.ecosystem }?.value ?? 0
                return ["ecosystem": ecosystemID(entry.ecosystem), "physical": .number(entry.quantity), "value_yuan": .number(value)]
            })
            object["lines"] = .array(zip(service.lines, service.lineValues).map { line(service: false, $0, $1) })
            object["notes"] = .array(service.notes.map { .string($0) })
        case let .disabled(reason):
            object["status"] = "disabled"
            object["method"] = .string(service.method)
            object["reason"] = .string(reason)
            object["physical"] = ["value": .null, "unit": .string(service.physicalUnit.symbol)]
        case .notAccounted:
            object["status"] = "not_accounted"
            object["method"] = .null
            object["reason"] = "no input section for this service"
            object["physical"] = ["value": .null, "unit": .string(service.physicalUnit.symbol)]
        }
        return .object(object)
    }

    static func line(service: Bool, _ line: ValueLine, _ value: Double) -> JSON {
        var object: [String: JSON] = [
            "component": .string(line.component), "label_zh": .string(line.labelZH), "label_en": .string(line.labelEN),
            "ecosystem": ecosystemID(line.ecosystem), "quantity": .number(line.quantity), "unit": .string(line.unit.symbol),
            "price": .string(line.priceID), "value_yuan": .number(value),
        ]
        if !line.factorIDs.isEmpty { object["factors"] = .array(line.factorIDs.map { .string($0) }) }
        if service { object["service"] = .string(line.service.id) }
        return .object(object)
    }

    static func coefficient(_ used: UsedCoefficient) -> JSON {
        let c = used.coefficient
        var object: [String: JSON] = [
            "id": .string(c.id), "value": .number(c.value), "unit": .string(c.unit.symbol), "base_year": .number(Double(c.baseYear)),
            "source": .string(c.source), "origin": .string(c.origin), "used_by": .array(used.usedBy.map { .string($0) }),
        ]
        if c.isMonetary { object["index_factor"] = .number(used.indexFactor); object["value_at_price_year"] = .number(c.value * used.indexFactor) }
        if let low = c.low { object["low"] = .number(low) }
        if let high = c.high { object["high"] = .number(high) }
        if let domain = c.domain { object["domain"] = .string(domain.description) }
        if let note = c.note { object["note"] = .string(note) }
        return .object(object)
    }

    static func ecosystemID(_ type: EcosystemType?) -> JSON { type.map { .string($0.id) } ?? "county_wide" }
}
