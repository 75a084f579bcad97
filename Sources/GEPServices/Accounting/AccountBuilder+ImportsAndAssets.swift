import GEPCore

extension AccountBuilder {
    /// The import-netting lines of GB/T 46869-2025: ecological products that come from outside
    /// the region, each `{id, name_zh, name_en, service, quantity, price}`, priced like any line
    /// and subtracted from the sum of services.
    static func importLines(context: inout ModelContext) -> [ValueLine] {
        var reader = FieldReader(file: context.input.file)
        var lines: [ValueLine] = []
        for (index, item) in context.input.importSections.enumerated() {
            let path = "imports[\(index)]"
            var service: ServiceID?
            if let text = reader.string(item, "service", path: path) {
                service = ServiceID(rawValue: text)
                if service == nil {
                    var message = "unknown service \"\(text)\""
                    if let near = EditDistance.nearest(to: text, in: ServiceID.allCases.map(\.id)) { message += "; did you mean \"\(near)\"?" }
                    reader.report(message, at: item["service"]?.position, path: path + ".service")
                }
            }
            if let line = ProductLines.readLine(item, path: path, service: service ?? .waterSupply, extraKeys: ["service"], reader: &reader), service != nil {
                ProductLines.checkPrice(line, item: item, path: path, coefficients: &context.coefficients, reader: &reader)
                lines.append(line)
            }
        }
        context.diagnostics += reader.diagnostics
        return lines
    }

    /// Ecological assets valued apart from the annual flow: the standing timber stock of each
    /// forest type at `price.standing_timber` (CNY/m³ of standing volume; [S7] priced living
    /// stock at stumpage value). Never added to GEP.
    static func assetLines(context: inout ModelContext) -> [ValueLine] {
        EcosystemType.allCases.compactMap { type in
            guard let volume = context.input.forestStock[type]?["standing_volume"]?.value else { return nil }
            return ValueLine(service: .forestryProducts, component: "standing_timber", labelZH: "活立木蓄积", labelEN: "Standing timber stock",
                             ecosystem: type, quantity: volume, unit: .known("m3"), priceID: "price.standing_timber")
        }
    }
}
