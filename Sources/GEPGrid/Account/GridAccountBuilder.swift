import GEPCore
import GEPServices

/// Turns the grid's summed per-cell quantities into priced service accounts, by zone and by
/// class, with the coefficient sets (the same ids, units and price indexing as the county account).
enum GridAccountBuilder {
    /// The per-cell method choices read from the input's service sections.
    struct Choices: Sendable {
        /// `water_balance`, `water_yield`, or nil when water conservation is not requested.
        var water: String?
        var soil: Bool
        /// Carbon sequestration is reported.
        var carbon: Bool
        /// Oxygen release is reported (it needs the per-cell carbon, reported or not).
        var oxygen: Bool
        /// Whether the kernel must compute per-cell carbon.
        var computesCarbon: Bool { carbon || oxygen }
        /// The kernel parts the requested services compute.
        var parts: GridAccountParts {
            var parts: GridAccountParts = []
            if water != nil { parts.insert(.water) }
            if soil { parts.insert(.soil) }
            if computesCarbon { parts.insert(.carbon) }
            return parts
        }

        /// Reads the sections, reporting unknown methods.
        static func read(_ input: GridInput) throws(GEPError) -> Choices {
            var reader = FieldReader(file: input.file)
            func enabled(_ id: ServiceID) -> Bool {
                guard let section = input.services[id] else { return false }
                reader.rejectUnknownKeys(section, allowed: ["enabled", "method", "note", "source"], path: "services.\(id.id)")
                return reader.bool(section, "enabled", path: "services.\(id.id)", required: false) ?? true
            }
            var choices = Choices(water: nil, soil: enabled(.soilRetention), carbon: enabled(.carbonSequestration), oxygen: enabled(.oxygenRelease))
            if enabled(.waterConservation) {
                let method = reader.string(input.services[.waterConservation]!, "method", path: "services.water_conservation", required: false) ?? "water_balance"
                if ["water_balance", "water_yield"].contains(method) { choices.water = method } else {
                    reader.report("unknown method \"\(method)\" for water_conservation; expected one of: water_balance, water_yield",
                                  at: input.services[.waterConservation]?["method"]?.position, path: "services.water_conservation.method")
                }
            }
            for id in [ServiceID.soilRetention, .carbonSequestration, .oxygenRelease] {
                if let method = input.services[id]?["method"]?.string {
                    let allowed = id == .soilRetention ? "rusle" : id == .carbonSequestration ? "rate" : "stoichiometric"
                    if method != allowed {
                        reader.report("unknown per-cell method \"\(method)\" for \(id.id); expected: \(allowed)",
                                      at: input.services[id]?["method"]?.position, path: "services.\(id.id).method")
                    }
                }
            }
            guard reader.diagnostics.isEmpty else { throw .invalidData(reader.diagnostics) }
            return choices
        }
    }

    /// Prices the sums. Every coefficient problem is collected and thrown together.
    static func assemble(input: GridInput, classes: LandCoverClasses, coefficients: EffectiveCoefficients, choices: Choices,
                         sums: GridAccumulator, lookup: inout CoefficientLookup, priceYear: Int, basis: PriceBasis,
                         geometryCellArea: Double, cellCount: Int, focus: GridZone? = nil) throws(GEPError) -> GridAccount {
        var services: [ServiceID] = []
        if choices.water != nil { services.append(.waterConservation) }
        if choices.soil { services.append(.soilRetention) }
        if choices.carbon { services.append(.carbonSequestration) }
        if choices.oxygen { services.append(.oxygenRelease) }

        // Per-unit values: CNY per unit of each service's headline quantity (prices are the same for every class).
        func price(_ id: String, _ unit: String, _ user: ServiceID) -> Double { lookup.value(id, in: .known(unit), for: user.id) }
        var unitValue: [ServiceID: Double] = [:]
        var soilParts: [(component: String, zh: String, en: String, perTonne: Double, unit: String, priceID: String, priceUnit: String)] = []
        if services.contains(.waterConservation) { unitValue[.waterConservation] = price("price.reservoir_storage_cost", "CNY/m3", .waterConservation) }
        if services.contains(.soilRetention) {
            let user = ServiceID.soilRetention
            let lambda = price("soil_retention.sediment_deposition_share", "1", user)
            let density = price("soil.bulk_density", "t/m3", user)
            soilParts = [
                ("sediment", "减少泥沙淤积", "Reservoir sedimentation avoided", lambda / density, "m3", "price.reservoir_dredging_cost", "CNY/m3"),
                ("nitrogen", "减少氮面源污染", "Nitrogen kept from water", price("soil.nitrogen_content", "t_N/t", user), "t_N", "price.nitrogen_pollution_cost", "CNY/t_N"),
                ("phosphorus", "减少磷面源污染", "Phosphorus kept from water", price("soil.phosphorus_content", "t_P/t", user), "t_P", "price.phosphorus_pollution_cost", "CNY/t_P"),
            ]
            unitValue[.soilRetention] = soilParts.reduce(0) { $0 + $1.perTonne * price($1.priceID, $1.priceUnit, user) }
        }
        if services.contains(.carbonSequestration) { unitValue[.carbonSequestration] = price("price.carbon", "CNY/t_CO2", .carbonSequestration) }
        var oxygenPerCO2 = 0.0
        if services.contains(.oxygenRelease) {
            oxygenPerCO2 = price("const.o2_per_co2", "t_O2/t_CO2", .oxygenRelease)
            unitValue[.oxygenRelease] = price("price.oxygen", "CNY/t_O2", .oxygenRelease)
        }
        guard lookup.diagnostics.isEmpty else { throw .invalidData(lookup.diagnostics) }

        /// Headline physical quantity of a service from a row of sums.
        func physical(_ id: ServiceID, _ row: ArraySlice<Double>) -> Double {
            let base = row.startIndex
            switch id {
            case .waterConservation: return row[base + GridAccumulator.Quantity.waterConserved.rawValue]
            case .soilRetention: return row[base + GridAccumulator.Quantity.soilRetained.rawValue]
            case .carbonSequestration: return row[base + GridAccumulator.Quantity.carbon.rawValue]
            default: return row[base + GridAccumulator.Quantity.carbon.rawValue] * oxygenPerCO2
            }
        }
        func makeRow(id: Int, ecosystem: EcosystemType?, _ row: ArraySlice<Double>) -> GridAccount.Row {
            let quantities = services.map { physical($0, row) }
            let values = zip(services, quantities).map { $1 * unitValue[$0]! }
            return GridAccount.Row(id: id, ecosystem: ecosystem, cells: row[row.startIndex],
                                   waterYield: row[row.startIndex + GridAccumulator.Quantity.waterYield.rawValue], physical: quantities, values: values)
        }

        let width = GridAccumulator.width
        let classRows = classes.types.keys.sorted().compactMap { code -> GridAccount.Row? in
            guard code * width < sums.byClass.count else { return nil }
            return makeRow(id: code, ecosystem: classes.types[code], sums.byClass[(code * width)..<(code * width + width)])
        }
        let zoneRows = zip(input.zones, sums.zones).map { zone, byID in
            (name: zone.name, rows: byID.keys.sorted().map { id in makeRow(id: Int(id), ecosystem: nil, byID[id]![...]) })
        }

        // The grid total as an account: lines by ecosystem type, valued at the same prices.
        var byType: [EcosystemType: [Double]] = [:]
        for code in classes.types.keys.sorted() where code * width < sums.byClass.count {
            let type = classes.types[code]!
            var row = byType[type] ?? [Double](repeating: 0, count: width)
            for q in 0..<width { row[q] += sums.byClass[code * width + q] }
            byType[type] = row
        }
        let types = EcosystemType.allCases.filter { byType[$0] != nil }
        // The account: the whole grid by ecosystem type, or one zone (whose sums have no class
        // breakdown, so its lines carry no ecosystem type) over its valid cells.
        var groups = types.map { (ecosystem: Optional($0), row: byType[$0]!) }
        var area = Double(cellCount) * geometryCellArea / 1e6
        var waterYield = sums.total(.waterYield)
        var region = (id: input.regionID, zh: input.regionNameZH, en: input.regionNameEN)
        if let focus {
            let row = try focus.sums(in: sums, zones: input.zones.map(\.name), file: input.file)
            groups = [(ecosystem: nil, row: row)]
            area = row[GridAccumulator.Quantity.cells.rawValue] * geometryCellArea / 1e6
            waterYield = row[GridAccumulator.Quantity.waterYield.rawValue]
            region = (region.id + ".\(focus.set).\(focus.id)", region.zh + "（\(focus.set) \(focus.id)）", region.en + " (\(focus.set) \(focus.id))")
        }
        var accounts: [ServiceAccount] = []
        for id in ServiceID.allCases {
            let spec = ServiceCatalogue.spec(for: id)
            guard services.contains(id) else {
                let status: ServiceAccount.Status = input.services[id] != nil ? .disabled("switched off in the input") : .notAccounted
                accounts.append(ServiceAccount(id: id, status: status, method: "", formula: "", physicalUnit: spec.physicalUnit,
                                               physicalByEcosystem: [], physicalTotal: nil, lines: []))
                continue
            }
            let method: String = switch id {
            case .waterConservation: choices.water ?? ""
            case .soilRetention: "rusle"
            case .carbonSequestration: "rate"
            default: "stoichiometric"
            }
            let physicalByType = groups.map { (ecosystem: $0.ecosystem, quantity: physical(id, $0.row[...])) }
            var lines: [ValueLine] = []
            var values: [Double] = []
            for (type, quantity) in physicalByType {
                if id == .soilRetention {
                    for part in soilParts {
                        lines.append(ValueLine(service: id, component: part.component, labelZH: part.zh, labelEN: part.en, ecosystem: type,
                                               quantity: quantity * part.perTonne, unit: .known(part.unit), priceID: part.priceID))
                        values.append(quantity * part.perTonne * price(part.priceID, part.priceUnit, id))
                    }
                } else {
                    let (priceID, unit): (String, String) = switch id {
                    case .waterConservation: ("price.reservoir_storage_cost", "m3")
                    case .carbonSequestration: ("price.carbon", "t_CO2")
                    default: ("price.oxygen", "t_O2")
                    }
                    lines.append(ValueLine(service: id, component: "per_cell", labelZH: id.nameZH, labelEN: id.nameEN, ecosystem: type,
                                           quantity: quantity, unit: .known(unit), priceID: priceID))
                    values.append(quantity * unitValue[id]!)
                }
            }
            var service = ServiceAccount(id: id, status: .accounted, method: method, formula: "per cell: " + (spec.methods.first { $0.id == method }?.formula ?? method),
                                         physicalUnit: spec.physicalUnit, physicalByEcosystem: physicalByType,
                                         physicalTotal: physicalByType.reduce(0) { $0 + $1.quantity }, lines: lines)
            service.lineValues = values
            accounts.append(service)
        }
        let used = lookup.usage.keys.sorted().map { id in
            UsedCoefficient(coefficient: coefficients.entries[id]!, indexFactor: lookup.indexFactors[id] ?? 1, usedBy: lookup.usage[id]!.sorted())
        }
        var account = Account(regionID: region.id, regionNameZH: region.zh, regionNameEN: region.en, areaKm2: area,
                              year: input.year, priceBasis: basis, priceYear: priceYear, priceIndexID: coefficients.priceIndex.id,
                              coefficientLayers: coefficients.layers, inputFile: input.file, services: accounts, imports: [], importValues: [],
                              assets: [], assetValues: [], indicators: [], coefficientsUsed: used)
        account.indicators = [
            Indicator(id: "gep_per_km2", nameZH: "单位面积价值（网格服务）", nameEN: "Value per km² (grid services)", value: account.total / area,
                      unit: .known("CNY/km2"), formula: "Σ per-cell services / grid area"),
            Indicator(id: "water_yield", nameZH: "产水量", nameEN: "Water yield", value: waterYield, unit: .known("m3"), formula: "Σ_cells (P − ET)·a"),
        ]
        let layers = input.layers.keys.sorted().map { "layer \($0) (\(input.layers[$0]!))" }
        var nonFinite = AccountFiniteness.problems(in: account, file: input.file) { _ in layers }
        if nonFinite.isEmpty, let zone = zoneRows.first(where: { $0.rows.contains { $0.values.contains { !$0.isFinite } } }) {
            nonFinite.append(Diagnostic(file: input.file, message: "zone set \(zone.name): a zone's value is not a finite number (the zone's sums overflow)"))
        }
        guard nonFinite.isEmpty else { throw .invalidData(nonFinite) }
        return GridAccount(account: account, services: services, zones: zoneRows, classes: classRows, cellCount: cellCount,
                           cellArea: geometryCellArea, unmappedCodes: sums.unmappedCodes, nodataCells: sums.nodataCells, waterYield: waterYield)
    }
}
