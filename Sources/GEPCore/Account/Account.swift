/// A county's gross ecosystem product for one accounting year: every service's physical
/// quantity and money value, by category and ecosystem type, with the import-netting term,
/// the ecological assets kept apart (stocks are never added to the annual flow), the
/// two-mountains indicators and every coefficient used.
///
/// GEP = Σ services − imports (GB/T 46869-2025: ecological products that come from outside
/// the region are subtracted).
public struct Account: Sendable {
    /// Region id.
    public var regionID: String
    /// Chinese region name.
    public var regionNameZH: String
    /// English region name.
    public var regionNameEN: String
    /// Region area in km².
    public var areaKm2: Double
    /// The accounting year.
    public var year: Int
    /// The price basis of every money value.
    public var priceBasis: PriceBasis
    /// The year whose price level the money values are in.
    public var priceYear: Int
    /// The price-index series used to move prices between years.
    public var priceIndexID: String
    /// Coefficient layers in force, first to last.
    public var coefficientLayers: [String]
    /// The input file.
    public var inputFile: String
    /// Every service in catalogue order (including disabled and not-accounted ones).
    public var services: [ServiceAccount]
    /// Import-netting lines: quantities from outside the region, priced like service lines.
    public var imports: [ValueLine]
    /// Money value of each import line, CNY.
    public var importValues: [Double]
    /// Ecological assets (stocks), valued apart and never added to GEP.
    public var assets: [ValueLine]
    /// Money value of each asset line, CNY.
    public var assetValues: [Double]
    /// Indicators next to GEP.
    public var indicators: [Indicator]
    /// Every coefficient used, with its users.
    public var coefficientsUsed: [UsedCoefficient]

    /// Creates an account from its parts (the account builder fills them).
    public init(regionID: String, regionNameZH: String, regionNameEN: String, areaKm2: Double, year: Int,
                priceBasis: PriceBasis, priceYear: Int, priceIndexID: String, coefficientLayers: [String], inputFile: String,
                services: [ServiceAccount], imports: [ValueLine], importValues: [Double], assets: [ValueLine],
                assetValues: [Double], indicators: [Indicator], coefficientsUsed: [UsedCoefficient]) {
        self.regionID = regionID
        self.regionNameZH = regionNameZH
        self.regionNameEN = regionNameEN
        self.areaKm2 = areaKm2
        self.year = year
        self.priceBasis = priceBasis
        self.priceYear = priceYear
        self.priceIndexID = priceIndexID
        self.coefficientLayers = coefficientLayers
        self.inputFile = inputFile
        self.services = services
        self.imports = imports
        self.importValues = importValues
        self.assets = assets
        self.assetValues = assetValues
        self.indicators = indicators
        self.coefficientsUsed = coefficientsUsed
    }

    /// Value of one category, CNY.
    public func value(of category: ServiceCategory) -> Double {
        services.filter { $0.id.category == category }.reduce(0) { $0 + $1.value }
    }

    /// Sum of all services before import netting, CNY.
    public var grossValue: Double { services.reduce(0) { $0 + $1.value } }

    /// Total of the import-netting lines, CNY.
    public var importsValue: Double { importValues.reduce(0, +) }

    /// GEP = Σ services − imports, CNY.
    public var total: Double { grossValue - importsValue }

    /// Value by ecosystem type over all services (`nil`: county-wide), in catalogue order.
    public var valueByEcosystem: [(ecosystem: EcosystemType?, value: Double)] {
        var sums: [EcosystemType?: Double] = [:]
        for service in services where service.status == .accounted {
            for (line, value) in zip(service.lines, service.lineValues) { sums[line.ecosystem, default: 0] += value }
        }
        return EcosystemAttribution.ordered(sums)
    }
}

/// A figure reported next to GEP (GEP/GDP, GEP per km², water delivered downstream…).
public struct Indicator: Sendable, Hashable {
    /// Stable id, e.g. `gep_to_gdp`.
    public var id: String
    /// Chinese name.
    public var nameZH: String
    /// English name.
    public var nameEN: String
    /// The value, in `unit`.
    public var value: Double
    /// Unit of `value`.
    public var unit: PhysicalUnit
    /// How it is computed.
    public var formula: String

    /// Creates an indicator.
    public init(id: String, nameZH: String, nameEN: String, value: Double, unit: PhysicalUnit, formula: String) {
        self.id = id
        self.nameZH = nameZH
        self.nameEN = nameEN
        self.value = value
        self.unit = unit
        self.formula = formula
    }
}

/// A coefficient as used by an account: its value in force and where it came from.
public struct UsedCoefficient: Sendable {
    /// The coefficient in force (value in its own unit and base year).
    public var coefficient: Coefficient
    /// Index factor applied to move a price from its base year to the account's price year (1 for non-prices).
    public var indexFactor: Double
    /// Service ids (and `assets`, `imports`, `indicators`) that used it, sorted.
    public var usedBy: [String]

    /// Creates a record.
    public init(coefficient: Coefficient, indexFactor: Double, usedBy: [String]) {
        self.coefficient = coefficient
        self.indexFactor = indexFactor
        self.usedBy = usedBy
    }
}
