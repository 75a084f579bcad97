import GEPCore
import GEPServices

/// One pricing of a grid account with one coefficient set: reduces the kernel plan, then
/// turns folded sums into the `GridAccount` (the account, its county reconciliation, zones and
/// classes).
struct GridAccountPricing {
    let input: GridInput
    let classes: LandCoverClasses
    let coefficients: EffectiveCoefficients
    let layers: GridAccountLayers
    let priceBasis: PriceBasis?

    /// The kernel plan for this coefficient set.
    func plan() throws(GEPError) -> DriverPlan {
        let basis = priceBasis ?? input.priceBasis
        var lookup = CoefficientLookup(effective: coefficients, priceYear: basis.priceYear(accountingYear: input.year), file: input.file)
        return try DriverPlan.reduce(layers: layers, classes: classes, input: input, lookup: &lookup)
    }

    /// Prices `sums` (the account of the whole grid, or of the `focus` zone).
    func assemble(_ sums: DriverSums, plan: DriverPlan, focus: GridZone? = nil) throws(GEPError) -> GridAccount {
        if !sums.unmappedCodes.isEmpty {
            let lulc = layers.bands[0].name
            let list = sums.unmappedCodes.keys.sorted().map { code in
                Diagnostic(file: input.classesPath, message: "land-cover code \(code == Int32.min ? "NaN" : String(code)) in \(lulc) (\(sums.unmappedCodes[code]!) cells) is not in the classes table")
            }
            throw .invalidData(list)
        }
        var invalid: [Diagnostic] = []
        for (set, zone) in zip(sums.zones, zip(input.zones, layers.zones)) where !set.invalid.isEmpty {
            invalid += ZoneKeyResolver.diagnostics(set.invalid.map { (value: Double(bitPattern: $0.key), cells: $0.value) }.sorted { $0.value < $1.value },
                                                   zoneLayer: zone.1.name)
        }
        guard invalid.isEmpty else { throw .invalidData(invalid) }
        let assembly = GridAccountAssembly(input: input, classes: classes, layers: layers, plan: plan)
        let wholeTable = assembly.table { sums.classSlots($0) }
        let whole = wholeTable.dictionary
        let county = try input.county.map { county throws(GEPError) in try AccountBuilder.build(input: county, coefficients: coefficients, priceBasis: priceBasis) }
        var region = (id: input.regionID, zh: input.regionNameZH, en: input.regionNameEN)
        var part = whole
        if let focus {
            let (set, position) = try focus.position(in: sums, zones: input.zones.map(\.name), file: input.file)
            part = assembly.byType { sums.zoneSlots(set: set, position: position, code: $0) }
            region = (region.id + ".\(focus.set).\(focus.id)", region.zh + "（\(focus.set) \(focus.id)）", region.en + " (\(focus.set) \(focus.id))")
        }
        let account = try assembly.account(part, region: region, coefficients: coefficients, priceBasis: priceBasis, countyAccount: county)
        let wholeAccount = focus == nil ? account : try assembly.account(whole, region: region, coefficients: coefficients, priceBasis: priceBasis,
                                                                        countyAccount: county)
        let services = wholeAccount.services.filter { $0.status == .accounted }.map(\.id)
        let allocation = LineAllocation(account: wholeAccount, services: services, whole: wholeTable)
        let zoneRows = input.zones.indices.map { index in
            (name: input.zones[index].name, rows: sums.zones[index].ids.enumerated().sorted { $0.element < $1.element }.map { position, id in
                let part = assembly.table { sums.zoneSlots(set: index, position: position, code: $0) }
                let cells = (0..<sums.classCount).reduce(0.0) { $0 + sums.zoneSlots(set: index, position: position, code: $1).first! }
                var row = allocation.row(id: id, ecosystem: nil, cells: cells, part: part)
                row.name = layers.zoneNames[index][Double(id)]
                // Fu–Budyko: the zone's yield summed cell by cell as `gep water-yield` sums it (the same bits)
                if plan.isFuBudyko { row.waterYield = sums.zones[index].yield[position] * layers.geometry.cellArea / 1000 }
                return row
            })
        }
        let classRows = classes.types.keys.sorted().filter { $0 < sums.classCount }.map { code in
            allocation.row(id: code, ecosystem: classes.types[code]!, cells: sums.classSlots(code).first!,
                           part: assembly.table { $0 == code ? sums.classSlots(code) : nil })
        }
        let cellCount = layers.geometry.cellCount
        let yield = GridAccountAssembly.total(.waterYield, whole)
        var nonFinite: [Diagnostic] = []
        if let zone = zoneRows.first(where: { $0.rows.contains { $0.values.contains { !$0.isFinite } } }) {
            nonFinite.append(Diagnostic(file: input.file, message: "zone set \(zone.name): a zone's value is not a finite number (the zone's sums overflow)"))
        }
        guard nonFinite.isEmpty else { throw .invalidData(nonFinite) }
        return GridAccount(account: account, services: services, zones: zoneRows, classes: classRows, cellCount: cellCount,
                           cellArea: layers.geometry.cellArea, unmappedCodes: sums.unmappedCodes, nodataCells: sums.nodataCells,
                           waterYield: yield, county: county)
    }

    /// The per-cell maps of `grid` (assembled from `sums` without a focus) and their weights.
    func maps(_ grid: GridAccount, sums: DriverSums, plan: DriverPlan) -> (maps: [GridMap], weights: CellMaps) {
        let assembly = GridAccountAssembly(input: input, classes: classes, layers: layers, plan: plan)
        return assembly.maps(account: grid.account, services: grid.services, whole: assembly.byType { sums.classSlots($0) })
    }
}
