import GEPCore
import GEPServices

/// Turns the folded slot sums into the grid account: driver sums by ecosystem type, the
/// account built by `AccountBuilder` from them (the same service models, coefficients and
/// valuation as the county account), and every line allocated to zones and land-cover classes
/// by their share of the line's driver.
///
/// Allocation: a line of type t proportional to driver d gives a zone the share
/// d(zone, t) / d(grid, t) of its quantity and value; county-total lines are allocated by
/// area, lines without a type by the zone's share of the grid's area. Each zone set's zones
/// therefore add up to the grid's account.
struct GridAccountAssembly {
    let input: GridInput
    let classes: LandCoverClasses
    let layers: GridAccountLayers
    let plan: DriverPlan

    /// Where `driver` is found among a cell's slots: the slot value times `scale` times `size`
    /// (the cell's area in m², or in ha for per-hectare drivers) is the driver in its unit
    /// (m², m³, t…); nil when the grid did not fold it.
    func slot(of driver: CellDriver) -> (slot: Int, scale: Double, size: Double)? {
        let area = layers.geometry.cellArea
        switch driver {
        case .retainedWater: return plan.water == nil ? nil : (DriverPlan.retainedSlot, 1e-3, area)
        case .waterYield: return plan.water == nil ? nil : (DriverPlan.yieldSlot, 1e-3, area)
        case .stockIncrement: return plan.stock == nil ? nil : (plan.stockSlot, 1e-4, area)
        default:
            guard driver.productFactors != nil else { return nil }
            return (plan.products.first { $0.driver == driver }?.slot ?? 0, driver.depthScale, driver.isPerHectare ? area * 1e-4 : area)
        }
    }

    /// The drivers the grid folded, each with its `DriverTable` position and its place among a
    /// cell's slots (`slot(of:)`).
    private var foldedSlots: [(driver: Int, slot: Int, scale: Double, size: Double)] {
        CellDriver.allCases.enumerated().compactMap { index, driver in
            slot(of: driver).map { (index, $0.slot, $0.scale, $0.size) }
        }
    }

    /// The drivers the grid folded.
    var folded: Set<CellDriver> { Set(CellDriver.allCases.filter { slot(of: $0) != nil }) }

    /// Driver sums by type over the classes whose slots `slots(code)` gives (classes in lucode
    /// order, so the additions come in a fixed order).
    func table(_ slots: (Int) -> ArraySlice<Double>?) -> DriverTable {
        let folded = foldedSlots
        var table = DriverTable()
        for (code, type) in classes.types.sorted(by: { $0.key < $1.key }) {
            guard let values = slots(code) else { continue }
            let t = DriverTable.typeIndex[type]!
            for entry in folded { table.add(values[values.startIndex + entry.slot] * entry.scale * entry.size, type: t, driver: entry.driver) }
        }
        return table
    }

    /// `table(_:)` as a dictionary, for `account(_:region:coefficients:priceBasis:countyAccount:)`.
    func byType(_ slots: (Int) -> ArraySlice<Double>?) -> [EcosystemType: [CellDriver: Double]] { table(slots).dictionary }

    /// The account of the cells whose driver sums are `types` (the grid, or one zone).
    func account(_ types: [EcosystemType: [CellDriver: Double]], region: (id: String, zh: String, en: String), coefficients: EffectiveCoefficients,
                 priceBasis: PriceBasis?, countyAccount: Account?) throws(GEPError) -> Account {
        var areas: [EcosystemType: Double] = [:]
        for (type, sums) in types where (sums[.area] ?? 0) > 0 { areas[type] = sums[.area]! / 1e4 }
        var county = input.county ?? CountyInput.empty(file: input.file, year: input.year, coefficientSet: input.coefficientSet, priceBasis: input.priceBasis)
        let totals = countyAccount.flatMap { account in input.county.map { CountyTotals(account: account, county: $0, gridAreas: areas) } }
        county.regionID = region.id
        county.regionNameZH = region.zh
        county.regionNameEN = region.en
        county.coefficientSet = input.coefficientSet
        county.year = input.year
        county.priceBasis = input.priceBasis
        county.areas = areas.mapValues { SourcedQuantity(value: $0, unit: .known("ha"), source: "grid: cells × cell area") }
        county.area = SourcedQuantity(value: Self.total(.area, types) / 1e6, unit: .known("km2"), source: "grid: valid cells × cell area")
        county.serviceSections = layers.sections
        // GDP and population are the county's: indicators per GDP or per person would compare the grid with all of it
        county.gdp = nil
        county.population = nil
        let grid = GridDriverSums(sums: types, folded: folded, layers: Set(layers.roles))
        return try AccountBuilder.build(input: county, coefficients: coefficients, priceBasis: priceBasis, grid: grid, countyTotals: totals)
    }

    /// Σ of one driver over the types, in catalogue order (a fixed order of additions).
    static func total(_ driver: CellDriver, _ types: [EcosystemType: [CellDriver: Double]]) -> Double {
        EcosystemType.allCases.reduce(0) { $0 + (types[$1]?[driver] ?? 0) }
    }
}

extension CountyInput {
    /// An input with no figures, for a grid that names no county input.
    static func empty(file: String, year: Int, coefficientSet: String, priceBasis: PriceBasis) -> CountyInput {
        CountyInput(file: file, regionID: "", regionNameZH: "", regionNameEN: "", area: SourcedQuantity(value: 0, unit: .known("km2"), source: ""),
                    year: year, coefficientSet: coefficientSet, priceBasis: priceBasis, gdp: nil, population: nil, climate: [:], areas: [:],
                    ecosystemFields: [:], forestStock: [:], hydrology: [:], downstreamReservoir: nil, serviceSections: [:], importSections: [])
    }
}
