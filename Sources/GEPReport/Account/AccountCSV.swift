import GEPCore

/// The account as one CSV table: a row per category, service, service × ecosystem type,
/// priced line, import, asset, indicator and total, with raw numbers in base units.
///
/// Columns: `record, id, category, ecosystem, component, name_zh, name_en, method, physical_value, physical_unit, value_yuan`.
public enum AccountCSV {
    /// Column names.
    public static let header = ["record", "id", "category", "ecosystem", "component", "name_zh", "name_en", "method",
                                "physical_value", "physical_unit", "value_yuan"]

    /// Renders the account.
    public static func render(_ account: Account) -> String {
        var out = CSVWriter.record(header)
        func row(_ fields: [String]) { out += CSVWriter.record(fields) }
        func number(_ value: Double?) -> String { value.map(JSONWriter.formatNumber) ?? "" }
        for category in ServiceCategory.allCases {
            row(["category", category.id, category.id, "", "", category.nameZH, category.nameEN, "", "", "", number(account.value(of: category))])
        }
        for service in account.services {
            let id = service.id
            let status: String = switch service.status {
            case .accounted: service.method
            case .disabled: "disabled"
            case .notAccounted: "not_accounted"
            }
            row(["service", id.id, id.category.id, "", "", id.nameZH, id.nameEN, status, number(service.physicalTotal),
                 service.physicalUnit.symbol, number(service.value)])
            let values = service.valueByEcosystem
            for entry in service.physicalByEcosystem {
                let value = values.first { $0.ecosystem == entry.ecosystem }?.value ?? 0
                row(["service_ecosystem", id.id, id.category.id, entry.ecosystem?.id ?? "county_wide", "", id.nameZH, id.nameEN, service.method,
                     number(entry.quantity), service.physicalUnit.symbol, number(value)])
            }
            for (line, value) in zip(service.lines, service.lineValues) {
                row(["line", id.id, id.category.id, line.ecosystem?.id ?? "county_wide", line.component, line.labelZH, line.labelEN, line.priceID,
                     number(line.quantity), line.unit.symbol, number(value)])
            }
        }
        for (line, value) in zip(account.imports, account.importValues) {
            row(["import", line.service.id, line.service.category.id, line.ecosystem?.id ?? "", line.component, line.labelZH, line.labelEN, line.priceID,
                 number(line.quantity), line.unit.symbol, number(-value)])
        }
        row(["gross", "sum_of_services", "", "", "", "各项服务合计", "Sum of services", "", "", "", number(account.grossValue)])
        row(["total", "gep", "", "", "", "生态产品总值", "Gross ecosystem product", account.priceBasis.description, "", "", number(account.total)])
        for (line, value) in zip(account.assets, account.assetValues) {
            row(["asset", line.component, "", line.ecosystem?.id ?? "", line.component, line.labelZH, line.labelEN, line.priceID,
                 number(line.quantity), line.unit.symbol, number(value)])
        }
        for indicator in account.indicators {
            row(["indicator", indicator.id, "", "", "", indicator.nameZH, indicator.nameEN, indicator.formula, number(indicator.value), indicator.unit.symbol, ""])
        }
        return out
    }
}
