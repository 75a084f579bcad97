/// A county's figures for one accounting year, as read from a county input file
/// (for example `samples/lianping/lianping-2023.json`).
///
/// Common parts (region, year, socio-economic figures, climate, ecosystem areas and per-type
/// measurements, forest stock) are parsed and unit-checked here. Each service's own section
/// under `services` is kept as parsed JSON and validated by that service's model, which
/// knows its methods and inputs.
public struct CountyInput: Sendable {
    /// The file the input was read from, as the user named it.
    public var file: String
    /// Region id, for example `lianping`.
    public var regionID: String
    /// Chinese region name.
    public var regionNameZH: String
    /// English region name.
    public var regionNameEN: String
    /// Land area of the region, in km².
    public var area: SourcedQuantity
    /// The accounting year.
    public var year: Int
    /// The coefficient set to start from (its `extends` chain is followed).
    public var coefficientSet: String
    /// The price basis the file asks for (the command line may override it).
    public var priceBasis: PriceBasis
    /// GDP of the accounting year at current prices, in CNY.
    public var gdp: SourcedQuantity?
    /// Population (resident or registered, as the source states), in persons.
    public var population: SourcedQuantity?
    /// County-wide climate and soil figures by key (see `CountyFields.climate`), in the field's unit.
    public var climate: [String: SourcedQuantity]
    /// Ecosystem area by type, in ha. Types absent from the file have no entry.
    public var areas: [EcosystemType: SourcedQuantity]
    /// Per-type measurements by type and key (see `CountyFields.ecosystem`), in the field's unit.
    public var ecosystemFields: [EcosystemType: [String: SourcedQuantity]]
    /// Forest inventory by forest type and key (see `CountyFields.forestStock`).
    public var forestStock: [EcosystemType: [String: SourcedQuantity]]
    /// Other county-level quantities by key (see `CountyFields.hydrology`).
    public var hydrology: [String: SourcedQuantity]
    /// The downstream reservoir the county drains to, if named.
    public var downstreamReservoir: DownstreamReservoir?
    /// Each service's section of the file, by service.
    public var serviceSections: [ServiceID: JSONNode]
    /// Import-netting lines (ecological products from outside the region), as parsed JSON.
    public var importSections: [JSONNode]

    /// Creates an input from its parts (a grid account builds one from its county input and its own areas).
    public init(file: String, regionID: String, regionNameZH: String, regionNameEN: String, area: SourcedQuantity, year: Int,
                coefficientSet: String, priceBasis: PriceBasis, gdp: SourcedQuantity?, population: SourcedQuantity?,
                climate: [String: SourcedQuantity], areas: [EcosystemType: SourcedQuantity], ecosystemFields: [EcosystemType: [String: SourcedQuantity]],
                forestStock: [EcosystemType: [String: SourcedQuantity]], hydrology: [String: SourcedQuantity],
                downstreamReservoir: DownstreamReservoir?, serviceSections: [ServiceID: JSONNode], importSections: [JSONNode]) {
        self.file = file
        self.regionID = regionID
        self.regionNameZH = regionNameZH
        self.regionNameEN = regionNameEN
        self.area = area
        self.year = year
        self.coefficientSet = coefficientSet
        self.priceBasis = priceBasis
        self.gdp = gdp
        self.population = population
        self.climate = climate
        self.areas = areas
        self.ecosystemFields = ecosystemFields
        self.forestStock = forestStock
        self.hydrology = hydrology
        self.downstreamReservoir = downstreamReservoir
        self.serviceSections = serviceSections
        self.importSections = importSections
    }

    /// The total area of all ecosystem types, in ha.
    public var ecosystemAreaTotal: Double { areas.values.reduce(0) { $0 + $1.value } }

    /// Area of one type in ha (0 when absent).
    public func area(of type: EcosystemType) -> Double { areas[type]?.value ?? 0 }
}

/// The reservoir downstream of the county that its water yield feeds (for Lianping the
/// Xinfengjiang reservoir, 万绿湖), and what the account states about it.
public struct DownstreamReservoir: Sendable {
    /// Chinese name.
    public var nameZH: String
    /// English name.
    public var nameEN: String
    /// Share of the county's water yield that drains to the reservoir (0–1).
    public var drainingShare: SourcedQuantity
    /// The reservoir's mean annual inflow, in m³/a, when known (to state the county's share of it).
    public var meanInflow: SourcedQuantity?
}
