import GEPCore

/// A small hand-made account whose rendered figures can be worked out on paper.
///
/// Figures (CNY unless stated; 万元 = yuan / 10⁴ to two decimals, halves away from zero):
///
/// | service              | status         | lines (ecosystem: value)                         | value      | 万元     | share of 25,000,000 |
/// |----------------------|----------------|--------------------------------------------------|------------|----------|---------------------|
/// | agricultural_products| accounted      | paddy 10,000,000; dry_farmland 2,345,678         | 12,345,678 | 1,234.57 | 49.4 %              |
/// | forestry_products    | not accounted  | –                                                | 0          | –        |                     |
/// | water_conservation   | accounted      | evergreen 3,000,000; coniferous 1,563,750        | 4,563,750  | 456.38 (456.375 is a half, rounded up) | 18.3 % |
/// | soil_retention       | accounted      | shrub 0                                          | 0          | 0.00     | 0.0 %               |
/// | carbon_sequestration | switched off   | –                                                | 0          | –        |                     |
/// | recreation_tourism   | accounted      | county-wide 8,090,572                            | 8,090,572  | 809.06   | 32.4 %              |
///
/// Σ services = 25,000,000 (2,500.00 万元); one import line of 1,234,500 (123.45 万元);
/// GEP = 23,765,500 (2,376.55 万元 = 0.237655 亿元 → 0.24 亿元). One asset of 123,456,789
/// (12,345.68 万元), kept apart from GEP. Shares are of Σ services.
enum TestAccount {
    static let paddyRice = 10_000_000.0
    static let vegetables = 2_345_678.0
    static let evergreenWater = 3_000_000.0
    static let coniferousWater = 1_563_750.0
    static let recreation = 8_090_572.0
    static let importedWater = 1_234_500.0
    static let timberStock = 123_456_789.0

    static func unit(_ symbol: String) -> PhysicalUnit { .known(symbol) }

    static func service(_ id: ServiceID, _ status: ServiceAccount.Status, method: String, formula: String, unit symbol: String,
                        physical: [(ecosystem: EcosystemType?, quantity: Double)], total: Double?,
                        lines: [(ValueLine, Double)], notes: [String] = []) -> ServiceAccount {
        var account = ServiceAccount(id: id, status: status, method: method, formula: formula, physicalUnit: unit(symbol),
                                     physicalByEcosystem: physical, physicalTotal: total, lines: lines.map(\.0), notes: notes)
        account.lineValues = lines.map(\.1)
        return account
    }

    static func line(_ service: ServiceID, _ component: String, _ zh: String, _ en: String, _ ecosystem: EcosystemType?,
                     _ quantity: Double, _ unitSymbol: String, price: String, factors: [String] = []) -> ValueLine {
        ValueLine(service: service, component: component, labelZH: zh, labelEN: en, ecosystem: ecosystem,
                  quantity: quantity, unit: unit(unitSymbol), priceID: price, factorIDs: factors)
    }

    /// The services, in catalogue order.
    static var services: [ServiceAccount] {
        [
            // Mixed products: no commensurable physical total.
            service(.agriculturalProducts, .accounted, method: "market_value", formula: "Σ Q·P", unit: "t", physical: [], total: nil,
                    lines: [(line(.agriculturalProducts, "rice", "稻谷", "Rice", .paddy, 2_500, "t", price: "price.rice"), paddyRice),
                            (line(.agriculturalProducts, "vegetables", "蔬菜", "Vegetables", .dryFarmland, 1_172.839, "t",
                                  price: "price.vegetables", factors: ["share.marketed"]), vegetables)]),
            service(.forestryProducts, .notAccounted, method: "", formula: "", unit: "m3", physical: [], total: nil, lines: []),
            // 2 CNY/m³: 1,500,000 m³ → 3,000,000; 781,875 m³ → 1,563,750.
            service(.waterConservation, .accounted, method: "water_balance", formula: "Q = (P − R − ET)·A", unit: "m3",
                    physical: [(.evergreenBroadleafForest, 1_500_000), (.coniferousForest, 781_875)], total: 2_281_875,
                    lines: [(line(.waterConservation, "water_storage", "水源涵养量", "Water retained", .evergreenBroadleafForest, 1_500_000, "m3",
                                  price: "price.water_conservation"), evergreenWater),
                            (line(.waterConservation, "water_storage", "水源涵养量", "Water retained", .coniferousForest, 781_875, "m3",
                                  price: "price.water_conservation"), coniferousWater)],
                    notes: ["runoff floored at 0 for water"]),
            service(.soilRetention, .accounted, method: "usle", formula: "A = R·K·LS·(1 − C·P)", unit: "t",
                    physical: [(.shrub, 0)], total: 0,
                    lines: [(line(.soilRetention, "sediment", "泥沙", "Sediment", .shrub, 0, "t", price: "price.sediment_dredging"), 0)]),
            service(.carbonSequestration, .disabled("switched off in the input"), method: "stock_change", formula: "ΔC·44/12", unit: "t_CO2",
                    physical: [], total: nil, lines: []),
            service(.recreationTourism, .accounted, method: "travel_cost", formula: "visits × spending", unit: "visit",
                    physical: [(nil, 100_000)], total: 100_000,
                    lines: [(line(.recreationTourism, "visits", "游客", "Visitors", nil, 100_000, "visit", price: "price.visit"), recreation)]),
        ]
    }

    static let importLine = line(.waterSupply, "transferred_water", "区外调水", "Water transferred in", nil, 617_250, "m3", price: "price.water_supply")
    /// A label with a comma and quotes (CSV must quote it) and a pipe (Markdown must escape it).
    static let assetLine = line(.forestryProducts, "timber_stock", "林木蓄积|活立木", "Standing timber, \"live\" stock", .coniferousForest,
                                50_000, "m3", price: "price.timber_stock")

    static let indicators = [
        Indicator(id: "gep_to_gdp", nameZH: "GEP与GDP之比", nameEN: "GEP / GDP", value: 0.125, unit: .dimensionless, formula: "GEP (current prices) / GDP"),
        Indicator(id: "gep_per_km2", nameZH: "单位面积GEP", nameEN: "GEP per km²", value: 250_163.16, unit: unit("CNY/km2"), formula: "GEP / region area"),
        Indicator(id: "gep_per_capita", nameZH: "人均GEP", nameEN: "GEP per capita", value: 475.31, unit: unit("CNY/person"), formula: "GEP / population"),
        Indicator(id: "regulating_share", nameZH: "调节服务占比", nameEN: "Regulating share", value: 0.18255, unit: .dimensionless,
                  formula: "regulating services / Σ services"),
        Indicator(id: "water_yield", nameZH: "产水量", nameEN: "Water yield", value: 123_456_789, unit: unit("m3"), formula: "Σ (P − ET)·A, all types"),
    ]

    static let coefficientsUsed = [
        UsedCoefficient(coefficient: Coefficient(id: "price.water_conservation", value: 1.6, unit: unit("CNY/m3"), baseYear: 2020,
                                                 source: "test: reservoir cost", low: 1.2, high: 2.4, origin: "test"),
                        indexFactor: 1.25, usedBy: ["water_conservation"]),
        UsedCoefficient(coefficient: Coefficient(id: "runoff_coefficient.coniferous_forest", value: 0.35, unit: .dimensionless, baseYear: 2020,
                                                 source: "test: runoff plots", domain: CoefficientDomain(parsing: "[0, 1]"), note: "test note",
                                                 origin: "national"),
                        indexFactor: 1, usedBy: ["water_conservation"]),
    ]

    /// The account at current 2023 prices.
    static var account: Account {
        Account(regionID: "test_county", regionNameZH: "试验县", regionNameEN: "Test County", areaKm2: 95, year: 2023,
                priceBasis: .current, priceYear: 2023, priceIndexID: "test_cpi", coefficientLayers: ["national", "test"],
                inputFile: "test-2023.json", services: services, imports: [importLine], importValues: [importedWater],
                assets: [assetLine], assetValues: [timberStock], indicators: indicators, coefficientsUsed: coefficientsUsed)
    }
}
