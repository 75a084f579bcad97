import GEPCore

/// The account laid out as titled sections of text rows, shared by the table and Markdown
/// renderers so both show the same figures.
struct AccountSections {
    struct Section {
        var title: String
        var headers: [String]
        var alignments: [TextTable.Alignment]
        var rows: [[String]]
    }

    var heading: String
    var subheading: [String]
    var sections: [Section]
    var notes: [String]

    init(_ account: Account, language l: ReportLanguage) {
        let name = l.pick(account.regionNameZH, account.regionNameEN)
        heading = l.pick("\(name) \(account.year)年生态产品总值（GEP）核算", "\(name) gross ecosystem product (GEP), \(account.year)")
        let basis: String = switch account.priceBasis {
        case .current: l.pick("当年价（\(account.priceYear)年）", "current prices (\(account.priceYear))")
        case let .constant(year): l.pick("\(year)年不变价", "constant \(year) prices")
        }
        subheading = [
            l.pick("价格基准：", "Price basis: ") + basis + l.pick("；价格指数 ", "; price index ") + account.priceIndexID,
            l.pick("系数集：", "Coefficient sets: ") + account.coefficientLayers.joined(separator: " → "),
            l.pick("GEP 合计：", "GEP total: ") + NumberText.yi(account.total) + l.pick(" 亿元", " 亿元 (10⁸ CNY)"),
        ]

        let gross = account.grossValue
        var serviceRows: [[String]] = []
        for category in ServiceCategory.allCases {
            let value = account.value(of: category)
            serviceRows.append([l.pick(category.nameZH, category.nameEN), "", "", "", NumberText.wan(value), Self.share(value, gross)])
            for service in account.services where service.id.category == category {
                let label = "  " + l.pick(service.id.nameZH, service.id.nameEN)
                switch service.status {
                case .accounted:
                    let physical = service.physicalTotal.map(NumberText.quantity) ?? l.pick("见明细", "see lines")
                    serviceRows.append([label, service.method, physical, service.physicalTotal == nil ? "" : UnitText.display(service.physicalUnit), NumberText.wan(service.value), Self.share(service.value, gross)])
                case .disabled:
                    serviceRows.append([label, l.pick("未计入（已关闭）", "off (switched off)"), "", "", "–", ""])
                case .notAccounted:
                    serviceRows.append([label, l.pick("未核算（无输入）", "not accounted (no input)"), "", "", "–", ""])
                }
            }
        }
        serviceRows.append([l.pick("各项服务合计", "Sum of services"), "", "", "", NumberText.wan(gross), Self.share(gross, gross)])
        for (line, value) in zip(account.imports, account.importValues) {
            serviceRows.append([l.pick("  减：区外输入 ", "  less import: ") + l.pick(line.labelZH, line.labelEN), line.service.id,
                                NumberText.quantity(line.quantity), UnitText.display(line.unit), NumberText.wan(-value), ""])
        }
        serviceRows.append([l.pick("区外输入扣减", "Import netting"), "", "", "", NumberText.wan(-account.importsValue), ""])
        serviceRows.append([l.pick("生态产品总值（GEP）", "Gross ecosystem product (GEP)"), "", "", "", NumberText.wan(account.total), ""])
        sections = [Section(title: l.pick("按服务（万元）", "By service (万元 = 10⁴ CNY)"),
                            headers: [l.pick("服务", "Service"), l.pick("方法", "Method"), l.pick("实物量", "Physical quantity"), l.pick("单位", "Unit"),
                                      l.pick("价值（万元）", "Value (万元)"), l.pick("占比", "Share")],
                            alignments: [.left, .left, .right, .left, .right, .right], rows: serviceRows)]

        let byType = account.valueByEcosystem.map { entry -> [String] in
            let label = entry.ecosystem.map { l.pick($0.nameZH, $0.nameEN) } ?? l.pick("全域（不分类型）", "County-wide (not by type)")
            return [label, NumberText.wan(entry.value), Self.share(entry.value, gross)]
        }
        sections.append(Section(title: l.pick("按生态系统类型（万元）", "By ecosystem type (万元)"),
                                headers: [l.pick("生态系统类型", "Ecosystem type"), l.pick("价值（万元）", "Value (万元)"), l.pick("占比", "Share")],
                                alignments: [.left, .right, .right], rows: byType))

        if !account.assets.isEmpty {
            var rows = zip(account.assets, account.assetValues).map { line, value in
                [l.pick(line.labelZH, line.labelEN) + " · " + (line.ecosystem.map { l.pick($0.nameZH, $0.nameEN) } ?? ""),
                 NumberText.quantity(line.quantity), UnitText.display(line.unit), NumberText.wan(value)]
            }
            rows.append([l.pick("合计", "Total"), "", "", NumberText.wan(account.assetValues.reduce(0, +))])
            sections.append(Section(title: l.pick("生态资产存量（不计入GEP）", "Ecological assets: stocks, not added to GEP"),
                                    headers: [l.pick("资产", "Asset"), l.pick("实物量", "Quantity"), l.pick("单位", "Unit"), l.pick("价值（万元）", "Value (万元)")],
                                    alignments: [.left, .right, .left, .right], rows: rows))
        }

        let indicatorRows = account.indicators.map { indicator -> [String] in
            let text: String
            if indicator.unit.dimension == .dimensionless {
                text = indicator.id.hasPrefix("gep_to") ? NumberText.grouped(indicator.value, decimals: 2) : NumberText.percent(indicator.value)
            } else if indicator.unit.dimension.involvesMoney {
                let per = indicator.unit.dimension == (PhysicalUnit.known("CNY/person")).dimension ? l.pick("人", "person") : "km²"
                text = NumberText.wan(indicator.value) + " 万元/" + per
            } else {
                text = NumberText.grouped(indicator.value / 1e8, decimals: 2) + l.pick(" 亿m³", " 亿 m³ (10⁸ m³)")
            }
            return [l.pick(indicator.nameZH, indicator.nameEN), text]
        }
        sections.append(Section(title: l.pick("“两山”指标", "Two-mountains indicators"), headers: [l.pick("指标", "Indicator"), l.pick("数值", "Value")],
                                alignments: [.left, .right], rows: indicatorRows))

        notes = account.services.filter { $0.status == .accounted }.flatMap { service in
            service.notes.map { "\(service.id.id): \($0)" }
        }
    }

    private static func share(_ value: Double, _ total: Double) -> String {
        total > 0 ? NumberText.percent(value / total) : ""
    }
}
