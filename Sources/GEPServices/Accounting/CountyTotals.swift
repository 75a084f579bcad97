import GEPCore

/// The county figures a grid account takes as they are, scaled to the grid: lines that are
/// county totals with no per-cell basis (product outputs, visits, pollutant loads, reservoir
/// storage, imports, timber assets, and a driver the grid has no layers for) come from the
/// county account of the grid's county input, times the grid's share of the county's area
/// of the line's ecosystem type (of the county's whole area for lines without a type).
public struct CountyTotals: Sendable {
    /// The county account.
    public var account: Account
    /// Grid area / county area of each type present in both.
    public var typeShares: [EcosystemType: Double]
    /// Grid area / county area, for lines attributed to no type.
    public var totalShare: Double

    /// The totals of `account` (of `county`) for a grid whose areas by type are `gridAreas` (ha).
    public init(account: Account, county: CountyInput, gridAreas: [EcosystemType: Double]) {
        self.account = account
        var shares: [EcosystemType: Double] = [:]
        for (type, area) in gridAreas where county.area(of: type) > 0 { shares[type] = area / county.area(of: type) }
        typeShares = shares
        let countyTotal = county.ecosystemAreaTotal
        totalShare = countyTotal > 0 ? EcosystemType.allCases.reduce(0) { $0 + (gridAreas[$1] ?? 0) } / countyTotal : 0
    }

    /// The share a county-total line attributed to `type` scales by.
    public func share(_ type: EcosystemType?) -> Double { type.map { typeShares[$0] ?? 0 } ?? totalShare }

    /// `lines` scaled to the grid, as county totals (no driver: allocated by area).
    func scaled(_ lines: [ValueLine]) -> [ValueLine] {
        lines.map { line in
            var copy = line
            copy.quantity *= share(line.ecosystem)
            copy.driver = nil
            return copy
        }
    }

    /// The grid's service account with its county-total lines replaced by the county's, scaled:
    /// per ecosystem type, the grid's lines where it computed the type cell by cell, the
    /// county's where the type's lines are county totals.
    func merged(_ grid: ServiceAccount) -> ServiceAccount {
        guard grid.status == .accounted, let county = account.services.first(where: { $0.id == grid.id }), county.status == .accounted else { return grid }
        let spatial = grid.lines.filter { $0.driver != nil }
        // the grid's county-total lines (no driver, or a driver it has no layers for), taken from the county account
        let totals = grid.lines.filter { $0.driver == nil && share($0.ecosystem) > 0 }.compactMap { line in
            county.lines.first { $0.component == line.component && $0.ecosystem == line.ecosystem }
        }
        if totals.isEmpty && spatial.count == grid.lines.count { return grid }
        let spatialTypes = Set(spatial.map(\.ecosystem))
        let totalTypes = Set(totals.map(\.ecosystem))
        var physical: [EcosystemType?: Double] = [:]
        for entry in grid.physicalByEcosystem where spatialTypes.contains(entry.ecosystem) { physical[entry.ecosystem, default: 0] += entry.quantity }
        for entry in county.physicalByEcosystem where totalTypes.contains(entry.ecosystem) && !spatialTypes.contains(entry.ecosystem) {
            physical[entry.ecosystem, default: 0] += entry.quantity * share(entry.ecosystem)
        }
        let ordered = EcosystemAttribution.ordered(physical).map { (ecosystem: $0.ecosystem, quantity: $0.value) }
        let total: Double? = grid.physicalTotal == nil || county.physicalTotal == nil ? nil : ordered.reduce(0) { $0 + $1.quantity }
        var notes = grid.notes
        if !totals.isEmpty {
            notes.append("county totals allocated by the grid's share of each type's county area: \(totals.map { $0.ecosystem?.id ?? "region" }.uniqued().joined(separator: ", "))")
        }
        return ServiceAccount(id: grid.id, status: .accounted, method: grid.method, formula: grid.formula, physicalUnit: grid.physicalUnit,
                              physicalByEcosystem: ordered, physicalTotal: total, lines: spatial + scaled(totals), notes: notes)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each kept once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
