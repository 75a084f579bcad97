import Foundation
import Testing

/// Every service of `gep account samples/lianping/lianping-2023.json` against a hand computation
/// from the sample's inputs and the coefficient files (national → guangdong → lianping, prices
/// moved to 2023 by the CPI): each priced line's quantity and value, the service's value and
/// physical total, and GEP. The formulas are the documented ones (README's service catalogue,
/// `gep services`, each service's doc comment), written out here without the engine's code;
/// unit conversions are written by hand and the coefficient's unit is checked first.
@Suite struct LianpingServiceTests {
    static let sample = "samples/lianping/lianping-2023.json"

    /// One priced line as computed by hand.
    struct Line {
        var component: String
        /// The ecosystem type id, or `county_wide`.
        var ecosystem: String
        var quantity: Double
        var value: Double
    }

    /// One service as computed by hand: its lines and its physical total (nil when its
    /// quantities are in units that do not add).
    struct Service {
        var lines: [Line]
        var physical: Double?
        var value: Double { lines.reduce(0) { $0 + $1.value } }
    }

    static let forests = ["evergreen_broadleaf_forest", "coniferous_forest", "mixed_forest", "bamboo_forest"]

    /// The account as the user gets it.
    static func account() throws -> PlainJSON {
        let run = RepositoryRun.gep(["account", sample, "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        return try PlainJSON(text: run.stdout)
    }

    static func hand() throws -> HandSample { try HandSample(repository: RepositoryRun.repository, input: sample) }

    // MARK: - Hand computations, one per service

    /// Material products: V = Σ Qᵢ·Pᵢ (gross output), one line per product; the physical total
    /// adds the quantities when every product is in the same unit.
    static func products(_ id: String, _ s: HandSample) throws -> Service {
        let section = s.input["services"][id]
        try #require(section["method"].string == "gross_output")
        let products = section["products"].elements
        let lines = try products.map { product in
            let quantity = try #require(product["quantity"]["value"].double)
            let unit = try #require(product["quantity"]["unit"].string)
            let priceID = try #require(product["price"].string)
            let priceUnit = try #require(s.coefficients[priceID]?["unit"].string)
            // CNY per unit of the quantity, or CNY/kg for a quantity in tonnes (1 t = 1,000 kg)
            let perUnit = priceUnit == "CNY/" + unit ? 1.0 : try #require(priceUnit == "CNY/kg" && unit == "t" ? 1000.0 : nil, "\(priceID) for \(unit)")
            return Line(component: try #require(product["id"].string), ecosystem: product["ecosystem"].string ?? "county_wide",
                        quantity: quantity, value: quantity * (try s.price(priceID, priceUnit)) * perUnit)
        }
        let units = Set(products.compactMap { $0["quantity"]["unit"].string })
        return Service(lines: lines, physical: units.count == 1 ? lines.reduce(0) { $0 + $1.quantity } : nil)
    }

    /// Water balance: Qᵢ = max(0, P − P·αᵢ − ETᵢ)·Aᵢ (mm × ha → m³: × 10), V = Q·P_r.
    static func waterConservation(_ s: HandSample) throws -> Service {
        try #require(s.input["services"]["water_conservation"]["method"].string == "water_balance")
        let p = try s.climate("precipitation", "mm")
        let price = try s.price("price.reservoir_storage_cost", "CNY/m3")
        let types = try s.present(forests + ["shrub", "grassland", "orchard", "wetland", "water"])
        let lines = try types.map { type in
            let alpha = try s.value("runoff_coefficient.\(type)", "%") / 100
            let et = try s.ecosystem(type, "evapotranspiration", "mm")
            let volume = max(0, p - p * alpha - et) * 10 * (try s.area(type))
            return Line(component: "retained_water", ecosystem: type, quantity: volume, value: volume * price)
        }
        return Service(lines: lines, physical: lines.reduce(0) { $0 + $1.quantity })
    }

    /// RUSLE: retained soil Aᵢ = R·K·LSᵢ·(1 − Cᵢ·Pᵢ)·areaᵢ (t); three valued parts per type:
    /// sediment λ·A/ρ (m³) at the dredging cost, and A·N, A·P (g/kg → t/t: × 10⁻³) at their prices.
    static func soilRetention(_ s: HandSample) throws -> Service {
        let r = try s.climate("rainfall_erosivity", "MJ*mm/(ha*h*a)"), k = try s.climate("soil_erodibility", "t*ha*h/(ha*MJ*mm)")
        let lambda = try s.value("soil_retention.sediment_deposition_share", "1")
        let density = try s.value("soil.bulk_density", "t/m3")
        let nitrogen = try s.value("soil.nitrogen_content", "g_N/kg") / 1000, phosphorus = try s.value("soil.phosphorus_content", "g_P/kg") / 1000
        let dredging = try s.price("price.reservoir_dredging_cost", "CNY/m3")
        let nitrogenPrice = try s.price("price.nitrogen_pollution_cost", "CNY/t_N"), phosphorusPrice = try s.price("price.phosphorus_pollution_cost", "CNY/t_P")
        var lines: [Line] = [], retainedTotal = 0.0
        let types = try s.present(forests + ["shrub", "grassland", "wetland", "paddy", "dry_farmland", "orchard"])
        for type in types {
            let ls = try s.ecosystem(type, "slope_length_factor", "1")
            let c = try s.value("cover_management_factor.\(type)", "1"), practice = try s.value("support_practice_factor.\(type)", "1")
            let retained = r * k * ls * (1 - c * practice) * (try s.area(type))
            retainedTotal += retained
            let sediment = lambda * retained / density
            lines.append(Line(component: "sediment", ecosystem: type, quantity: sediment, value: sediment * dredging))
            lines.append(Line(component: "nitrogen", ecosystem: type, quantity: retained * nitrogen, value: retained * nitrogen * nitrogenPrice))
            lines.append(Line(component: "phosphorus", ecosystem: type, quantity: retained * phosphorus, value: retained * phosphorus * phosphorusPrice))
        }
        return Service(lines: lines, physical: retainedTotal)
    }

    /// Storage: vegetation P_storm·(1 − βᵢ)·Aᵢ (mm × ha → m³: × 10), paddy ridges h·A, marshes
    /// h·A_wetland (m × ha → m³: × 10⁴), reservoirs s·C; V = Q·P_r.
    static func floodRegulation(_ s: HandSample) throws -> Service {
        let storm = try s.climate("storm_precipitation", "mm")
        let price = try s.price("price.reservoir_storage_cost", "CNY/m3")
        var lines: [Line] = []
        func add(_ component: String, _ type: String, _ volume: Double) {
            lines.append(Line(component: component, ecosystem: type, quantity: volume, value: volume * price))
        }
        for type in try s.present(forests + ["shrub", "grassland", "orchard"]) {
            add("vegetation", type, storm * (1 - (try s.value("storm_runoff_coefficient.\(type)", "1"))) * 10 * (try s.area(type)))
        }
        add("paddy", "paddy", try s.value("flood.paddy_storage_depth", "m") * 1e4 * s.area("paddy"))
        add("marsh", "wetland", try s.value("flood.marsh_storage_depth", "m") * 1e4 * s.area("wetland"))
        let storage = try s.quantity(s.input["hydrology"]["reservoir_total_storage"], "m3", "hydrology.reservoir_total_storage")
        add("reservoirs", "water", try s.value("flood.reservoir_flood_share", "1") * storage)
        return Service(lines: lines, physical: lines.reduce(0) { $0 + $1.quantity })
    }

    /// Pollutant loads Q_j = L_j at the treatment cost c_j, split over water and wetland by area.
    static func waterPurification(_ s: HandSample) throws -> Service {
        let types = try s.present(["water", "wetland"])
        let total = try types.reduce(0) { $0 + (try s.area($1)) }
        var lines: [Line] = [], loads = 0.0
        for (key, tag) in [("cod", "COD"), ("nh3n", "NH3N"), ("tp", "TP")] {
            let load = try s.quantity(s.input["services"]["water_purification"]["pollutant_loads"][key], "t_\(tag)", key)
            let price = try s.price("price.\(key)_treatment_cost", "CNY/t_\(tag)")
            loads += load
            for type in types {
                let share = load * (try s.area(type)) / total
                lines.append(Line(component: key, ecosystem: type, quantity: share, value: share * price))
            }
        }
        return Service(lines: lines, physical: loads)
    }

    /// Absorption Q_x = Σ q_x,i·Aᵢ over the forest types (kg → t: × 10⁻³ for SO₂ and NOx), no
    /// emission caps in the sample, at the abatement cost c_x.
    static func airPurification(_ s: HandSample) throws -> Service {
        try #require(s.input["services"]["air_purification"]["emission_caps"].isNull)
        var lines: [Line] = []
        for (key, rateUnit, perTonne, tag) in [("so2", "kg_SO2/(ha*a)", 1e-3, "SO2"), ("nox", "kg_NOx/(ha*a)", 1e-3, "NOx"), ("dust", "t_dust/(ha*a)", 1.0, "dust")] {
            let price = try s.price("price.\(key)_abatement_cost", "CNY/t_\(tag)")
            for type in try s.present(forests) {
                let tonnes = try s.value("air_purification.\(key).\(type)", rateUnit) * perTonne * s.area(type)
                lines.append(Line(component: key, ecosystem: type, quantity: tonnes, value: tonnes * price))
            }
        }
        return Service(lines: lines, physical: lines.reduce(0) { $0 + $1.quantity })
    }

    /// CO₂ sequestered per sink type (stock change): forests with an inventory increment
    /// ΔV·D·BEF·(1 + R)·CF·44/12, the other sinks rᵢ·Aᵢ (no NEP in the sample); t CO₂.
    static func sequestration(_ s: HandSample) throws -> [(type: String, basis: String, tonnes: Double)] {
        try #require(s.input["services"]["carbon_sequestration"]["method"].string == "stock_change")
        let co2PerC = try s.value("const.co2_per_c", "t_CO2/t_C")
        #expect(abs(co2PerC - 44.0 / 12.0) < 1e-15, "the molar-mass ratio")
        return try s.present(forests + ["shrub", "grassland", "wetland", "orchard"]).map { type in
            try #require(s.input["ecosystems"][type]["net_ecosystem_productivity"].isNull)
            let stock = s.input["forest_stock"][type]["annual_increment"]
            guard !stock.isNull else { return (type, "rate", try s.value("carbon_rate.\(type)", "t_CO2/(ha*a)") * s.area(type)) }
            let increment = try s.quantity(stock, "m3/a", "annual_increment")
            let carbon = increment * (try s.value("wood_density.\(type)", "t_dm/m3")) * (try s.value("biomass_expansion_factor.\(type)", "1"))
                * (1 + (try s.value("root_shoot_ratio.\(type)", "1"))) * (try s.value("carbon_fraction.\(type)", "t_C/t_dm"))
            return (type, "stock_change", carbon * co2PerC)
        }
    }

    /// ΔCO₂ at the carbon price.
    static func carbonSequestration(_ s: HandSample) throws -> Service {
        let price = try s.price("price.carbon", "CNY/t_CO2")
        let lines = try sequestration(s).map { Line(component: $0.basis, ecosystem: $0.type, quantity: $0.tonnes, value: $0.tonnes * price) }
        return Service(lines: lines, physical: lines.reduce(0) { $0 + $1.quantity })
    }

    /// O₂ = ΔCO₂ × 32/44 at the oxygen price.
    static func oxygenRelease(_ s: HandSample) throws -> Service {
        try #require(s.input["services"]["oxygen_release"]["enabled"].bool == true)
        let ratio = try s.value("const.o2_per_co2", "t_O2/t_CO2")
        #expect(abs(ratio - 32.0 / 44.0) < 1e-15, "one mole of O₂ per mole of CO₂")
        let price = try s.price("price.oxygen", "CNY/t_O2")
        let lines = try sequestration(s).map { Line(component: "oxygen", ecosystem: $0.type, quantity: $0.tonnes * ratio, value: $0.tonnes * ratio * price) }
        return Service(lines: lines, physical: lines.reduce(0) { $0 + $1.quantity })
    }

    /// Cooling energy: transpiration Hᵢ·Aᵢ·d/r (kJ → kWh: ÷ 3,600; ha → m²: × 10⁴), water
    /// surfaces e·A·ρ·λ/r (mm → m: × 10⁻³), no humidification; V = E·P_e.
    static func climateRegulation(_ s: HandSample) throws -> Service {
        try #require(s.input["services"]["climate_regulation"]["include_humidification"].bool == false)
        let days = try s.climate("cooling_days", "d")
        let eer = try s.value("climate.ac_energy_efficiency_ratio", "1")
        let price = try s.price("price.electricity", "CNY/kWh")
        var lines: [Line] = []
        for type in try s.present(forests + ["shrub", "grassland"]) {
            let energy = try s.value("climate.transpiration_heat.\(type)", "kJ/(m2*d)") / 3600 * s.area(type) * 1e4 * days / eer
            lines.append(Line(component: "transpiration", ecosystem: type, quantity: energy, value: energy * price))
        }
        let evaporation = try s.climate("water_surface_evaporation_cooling", "mm") * 1e-3
        let density = try s.value("const.water_density", "kg/m3"), latent = try s.value("const.latent_heat_vaporization", "kJ/kg") / 3600
        for type in try s.present(["water", "wetland"]) {
            let energy = evaporation * (try s.area(type)) * 1e4 * density * latent / eer
            lines.append(Line(component: "evaporation", ecosystem: type, quantity: energy, value: energy * price))
        }
        return Service(lines: lines, physical: lines.reduce(0) { $0 + $1.quantity })
    }

    /// Visits × travel cost per visit.
    static func recreationTourism(_ s: HandSample) throws -> Service {
        let visits = try s.quantity(s.input["services"]["recreation_tourism"]["visits"], "visit", "visits")
        let value = visits * (try s.price("price.travel_cost_per_visit", "CNY/visit"))
        return Service(lines: [Line(component: "visits", ecosystem: "county_wide", quantity: visits, value: value)], physical: visits)
    }

    /// The hand computation of each accounted service.
    static func handService(_ id: String, _ s: HandSample) throws -> Service {
        switch id {
        case "water_conservation": try waterConservation(s)
        case "soil_retention": try soilRetention(s)
        case "flood_regulation": try floodRegulation(s)
        case "water_purification": try waterPurification(s)
        case "air_purification": try airPurification(s)
        case "carbon_sequestration": try carbonSequestration(s)
        case "oxygen_release": try oxygenRelease(s)
        case "climate_regulation": try climateRegulation(s)
        case "recreation_tourism": try recreationTourism(s)
        default: try products(id, s)
        }
    }

    static let accounted = ["agricultural_products", "forestry_products", "livestock_products", "fishery_products", "water_supply", "hydropower",
                            "water_conservation", "soil_retention", "flood_regulation", "water_purification", "air_purification",
                            "carbon_sequestration", "oxygen_release", "climate_regulation", "recreation_tourism"]

    /// |a − b| within 10⁻⁹ of the larger.
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b)) }

    // MARK: - Tests

    @Test(arguments: accounted)
    func serviceMatchesTheHandComputation(_ id: String) throws {
        let s = try Self.hand()
        #expect(s.layers == ["national", "guangdong", "lianping"])
        let expected = try Self.handService(id, s)
        let service = try #require(try Self.account()["services"].elements.first { $0["id"].string == id })
        #expect(service["status"].string == "accounted")
        var printed: [String: (quantity: Double, value: Double)] = [:]
        for line in service["lines"].elements {
            let key = "\(line["component"].string ?? "?") \(line["ecosystem"].string ?? "?")"
            #expect(printed[key] == nil, "\(id): line \(key) twice")
            printed[key] = (try #require(line["quantity"].double), try #require(line["value_yuan"].double))
        }
        #expect(Set(printed.keys) == Set(expected.lines.map { "\($0.component) \($0.ecosystem)" }), "\(id): the lines")
        for line in expected.lines {
            guard let account = printed["\(line.component) \(line.ecosystem)"] else { continue }
            #expect(Self.close(account.quantity, line.quantity), "\(id) \(line.component) \(line.ecosystem): quantity \(account.quantity), by hand \(line.quantity)")
            #expect(Self.close(account.value, line.value), "\(id) \(line.component) \(line.ecosystem): value \(account.value), by hand \(line.value)")
        }
        let value = try #require(service["value_yuan"].double)
        #expect(Self.close(value, expected.value), "\(id): value \(value), by hand \(expected.value)")
        if let physical = expected.physical {
            let total = try #require(service["physical"]["value"].double)
            #expect(Self.close(total, physical), "\(id): physical \(total), by hand \(physical)")
        } else {
            #expect(service["physical"]["value"].isNull, "\(id): units that do not add have no physical total")
        }
    }

    /// GEP is the sum of the hand-computed services (no imports; the landscape premium has no input).
    @Test func gepIsTheSumOfTheHandComputedServices() throws {
        let s = try Self.hand()
        let account = try Self.account()
        #expect(account["imports"].elements.isEmpty && s.input["imports"].elements.isEmpty)
        let landscape = try #require(account["services"].elements.first { $0["id"].string == "landscape_premium" })
        #expect(landscape["status"].string == "not_accounted" && s.input["services"]["landscape_premium"].isNull)
        #expect(account["services"].elements.filter { $0["status"].string == "accounted" }.compactMap { $0["id"].string } == Self.accounted)
        let expected = try Self.accounted.reduce(0) { $0 + (try Self.handService($1, s)).value }
        let total = try #require(account["total_yuan"].double)
        #expect(Self.close(total, expected), "GEP \(total), by hand \(expected)")
    }

    /// The price index as chained by hand reproduces the published anchor years (the CPI file's
    /// source: 2014 = 606.70 on 1978 = 100, within the rounding of one-decimal indices).
    @Test func thePriceIndexChainsFromItsAnchor() throws {
        let s = try Self.hand()
        #expect(s.priceLevels[2007] == 493.6)
        #expect(abs(try #require(s.priceLevels[2014]) - 606.70) < 0.15)
    }
}
