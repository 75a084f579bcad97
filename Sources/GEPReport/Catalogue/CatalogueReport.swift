import GEPCore
import GEPServices

/// The service catalogue: for each service its names, category, physical unit, methods with
/// their formulas and sources, the county inputs it reads and the coefficients it needs.
public enum CatalogueReport {
    /// Renders the catalogue.
    public static func render(format: ReportFormat, language l: ReportLanguage) -> String {
        let specs = ServiceID.allCases.map(ServiceCatalogue.spec(for:))
        switch format {
        case .json:
            return JSONWriter.string(["services": .array(specs.map { spec in
                ["id": .string(spec.id.id), "category": .string(spec.id.category.id), "name_zh": .string(spec.id.nameZH),
                 "name_en": .string(spec.id.nameEN), "physical_unit": .string(spec.physicalUnit.symbol),
                 "default_method": .string(spec.defaultMethod.id),
                 "methods": .array(spec.methods.map { ["id": .string($0.id), "formula": .string($0.formula), "source": .string($0.source)] }),
                 "section_keys": .array(spec.sectionKeys.map { .string($0) }), "inputs": .array(spec.inputs.map { .string($0) }),
                 "coefficients": .array(spec.coefficients.map { .string($0) })]
            })])
        case .csv:
            var out = CSVWriter.record(["id", "category", "name_zh", "name_en", "physical_unit", "method", "formula", "source"])
            for spec in specs {
                for method in spec.methods {
                    out += CSVWriter.record([spec.id.id, spec.id.category.id, spec.id.nameZH, spec.id.nameEN, spec.physicalUnit.symbol,
                                             method.id, method.formula, method.source])
                }
            }
            return out
        case .table, .markdown:
            let markdown = format == .markdown
            var out = markdown ? "# " + l.pick("生态系统服务目录", "Service catalogue") + "\n" : ""
            for spec in specs {
                let title = "\(spec.id.id) — \(spec.id.nameZH) / \(spec.id.nameEN) (\(l.pick(spec.id.category.nameZH, spec.id.category.nameEN)); \(spec.physicalUnit.symbol))"
                out += markdown ? "\n## " + title + "\n\n" : "\n" + title + "\n"
                let bullet = markdown ? "- " : "  "
                for (index, method) in spec.methods.enumerated() {
                    let tag = index == 0 ? l.pick("（默认）", " (default)") : ""
                    out += bullet + l.pick("方法 ", "method ") + method.id + tag + ": " + method.formula + "\n"
                    out += (markdown ? "  " : "      ") + method.source + "\n"
                }
                out += bullet + l.pick("输入：", "inputs: ") + spec.inputs.joined(separator: "; ") + "\n"
                out += bullet + l.pick("系数：", "coefficients: ") + spec.coefficients.joined(separator: ", ") + "\n"
            }
            return out
        }
    }
}
