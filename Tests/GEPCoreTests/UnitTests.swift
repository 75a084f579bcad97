import Testing
@testable import GEPCore

private func unit(_ text: String) throws -> PhysicalUnit {
    try PhysicalUnit(parsing: text)
}

private func parseError(_ text: String) -> UnitError? {
    do {
        _ = try PhysicalUnit(parsing: text)
        return nil
    } catch {
        return error
    }
}

private func factor(_ from: String, _ to: String) throws -> Double? {
    try unit(from).conversionFactor(to: unit(to))
}

@Suite("Units")
struct UnitTests {
    @Test(arguments: [
        ("CNY", 1.0, Dimension.money), ("yuan", 1, .money), ("元", 1, .money),
        ("wan_CNY", 1e4, .money), ("万元", 1e4, .money), ("yi_CNY", 1e8, .money), ("亿元", 1e8, .money),
        ("mm", 1e-3, .length), ("cm", 1e-2, .length), ("m", 1, .length), ("km", 1e3, .length),
        ("mm2", 1e-6, .area), ("cm2", 1e-4, .area), ("m2", 1, .area), ("km2", 1e6, .area),
        ("mm3", 1e-9, .volume), ("cm3", 1e-6, .volume), ("m3", 1, .volume), ("km3", 1e9, .volume),
        ("ha", 1e4, .area), ("hm2", 1e4, .area), ("mu", 10000.0 / 15, .area), ("亩", 10000.0 / 15, .area),
        ("L", 1e-3, .volume),
        ("mg", 1e-6, .mass()), ("g", 1e-3, .mass()), ("kg", 1, .mass()),
        ("t", 1e3, .mass()), ("Mg", 1e3, .mass()), ("吨", 1e3, .mass()),
        ("a", 1, .year), ("yr", 1, .year), ("year", 1, .year), ("d", 1, .day), ("day", 1, .day),
        ("s", 1, .clockTime), ("min", 60, .clockTime), ("h", 3600, .clockTime),
        ("J", 1, .energy), ("kJ", 1e3, .energy), ("MJ", 1e6, .energy), ("GJ", 1e9, .energy),
        ("Wh", 3600, .energy), ("kWh", 3.6e6, .energy),
        ("visit", 1, .count(of: "visit")), ("person", 1, .count(of: "person")),
        ("head", 1, .count(of: "head")), ("culm", 1, .count(of: "culm")), ("item", 1, .count(of: "item")),
        ("1", 1, .dimensionless), ("%", 0.01, .dimensionless),
        ("permille", 0.001, .dimensionless), ("‰", 0.001, .dimensionless),
    ])
    func symbolScale(symbol: String, scale: Double, dimension: Dimension) throws {
        let parsed = try unit(symbol)
        #expect(parsed.symbol == symbol)
        #expect(parsed.scale == scale)
        #expect(parsed.dimension == dimension)
    }

    @Test(arguments: [
        ("t_C", 1e3, "C"), ("t_CO2", 1e3, "CO2"), ("kg_N", 1, "N"), ("g_C", 1e-3, "C"),
        ("t_COD", 1e3, "COD"), ("t_NH3N", 1e3, "NH3N"), ("t_dm", 1e3, "dm"),
        ("Mg_C", 1e3, "C"), ("吨_CO2", 1e3, "CO2"),
    ])
    func substanceTaggedMass(symbol: String, scale: Double, substance: String) throws {
        let parsed = try unit(symbol)
        #expect(parsed.scale == scale)
        #expect(parsed.dimension == .mass(of: substance))
        #expect(parsed.dimension.description == "mass of \(substance)")
    }

    @Test func rainfallErosivityAndErodibilityMultiplyToSoilLossRate() throws {
        let erosivity = try unit("MJ*mm/(ha*h*a)")
        #expect(erosivity.dimension == .energy / .length / .clockTime / .year)
        #expect(erosivity.scale == 1.0 / 36000)
        #expect(erosivity.dimension.description == "energy / length / clock time / year")

        let erodibility = try unit("t*ha*h/(ha*MJ*mm)")
        #expect(erodibility.dimension == .mass() * .clockTime / .energy / .length)
        #expect(erodibility.scale == 3600)

        let soilLoss = erosivity * erodibility
        let perHectareYear = try unit("t/(ha*a)")
        #expect(soilLoss.dimension == perHectareYear.dimension)
        #expect(soilLoss.dimension.description == "mass / area / year")
        #expect(soilLoss.conversionFactor(to: perHectareYear) == 1)
        #expect(soilLoss.symbol == "MJ*mm/(ha*h*a)*t*ha*h/(ha*MJ*mm)")
    }

    @Test func divisionIsLeftAssociative() throws {
        let rate = try unit("t_C/ha/a")
        #expect(rate.dimension == .mass(of: "C") / .area / .year)
        #expect(rate.dimension.description == "mass of C / area / year")
        #expect(rate.scale == 0.1)
        #expect(try factor("t_C/ha/a", "t_C/(ha*a)") == 1)
        #expect(try factor("m/s*s", "m") == 1)
    }

    @Test func carbonAndCarbonDioxidePricesAreIncompatible() throws {
        let perCarbon = try unit("CNY/t_C")
        let perDioxide = try unit("CNY/t_CO2")
        #expect(!perCarbon.isCompatible(with: perDioxide))
        #expect(perCarbon.conversionFactor(to: perDioxide) == nil)
        #expect(throws: UnitError.incompatible(from: perCarbon, to: perDioxide)) {
            try Quantity(100, perCarbon).converted(to: perDioxide)
        }
        #expect(UnitError.incompatible(from: perCarbon, to: perDioxide).description
            == "cannot convert CNY/t_C (money / mass of C) to CNY/t_CO2 (money / mass of CO2): different dimensions")
    }

    @Test func genericMassIsNotATaggedMass() throws {
        #expect(try factor("t", "t_COD") == nil)
        #expect(try factor("CNY/t", "CNY/t_COD") == nil)
        #expect(try factor("t_co2", "t_CO2") == nil)
        #expect(try factor("kg_COD", "t_COD") == 1e-3)
        #expect(UnitError.incompatible(from: try unit("CNY/t"), to: try unit("CNY/t_COD")).description
            == "cannot convert CNY/t (money / mass) to CNY/t_COD (money / mass of COD): different dimensions")
    }

    @Test func energyConversions() throws {
        #expect(try factor("kWh", "MJ") == 3.6)
        #expect(try factor("MJ", "kWh") == 1 / 3.6)
        #expect(try factor("Wh", "kJ") == 3.6)
        #expect(try factor("GJ", "kWh") == 1e9 / 3.6e6)
        #expect(try factor("kJ/(m2*d)", "MJ/(ha*d)") == 10)
    }

    @Test func timeBasesAreIndependent() throws {
        #expect(try factor("d", "a") == nil)
        #expect(try factor("h", "d") == nil)
        #expect(try factor("d/a", "1") == nil)
        #expect(try factor("h", "s") == 3600)
        #expect(try factor("min", "h") == 1.0 / 60)
        #expect(try factor("yr", "year") == 1)
    }

    @Test func moneyAndAreaConversionsAreExact() throws {
        #expect(try factor("万元/t", "CNY/t") == 1e4)
        #expect(try factor("亿元", "万元") == 1e4)
        #expect(try factor("元/吨", "万元/t") == 1e-4)
        #expect(try factor("km2", "ha") == 100)
        #expect(try factor("hm2", "ha") == 1)
        #expect(try factor("m3", "L") == 1000)
        #expect(try factor("mm2", "m2") == 1e-6)
        #expect(try factor("亩", "ha") == 1.0 / 15)
        #expect(try factor("ha", "mu") == 15)
        #expect(try factor("万元/hm2", "CNY/mu") == 10000.0 / 15)
        #expect(try factor("%", "1") == 0.01)
        #expect(try factor("‰", "%") == 0.1)
    }

    @Test func quantityConversion() throws {
        let price = Quantity(2.5, try unit("万元/t"))
        let converted = try price.converted(to: unit("CNY/t"))
        #expect(converted == Quantity(25_000, try unit("CNY/t")))
        let reverted = try converted.converted(to: price.unit)
        #expect(reverted == price)
    }

    @Test func writtenForms() throws {
        let spaced = try unit("  MJ * mm / ( ha * h * a ) ")
        #expect(spaced.symbol == "MJ * mm / ( ha * h * a )")
        #expect(spaced.conversionFactor(to: try unit("MJ*mm/(ha*h*a)")) == 1)
        #expect(try factor("m^2", "m2") == 1)
        #expect(try factor("km^-2", "1/km2") == 1)
        #expect(try factor("a^-1", "1/a") == 1)
        #expect(try factor("(m/s)^2", "m2/s^2") == 1)
        #expect(try factor("kg·m", "kg.m") == 1)
        #expect(try unit("1/a").dimension == Dimension.year.raised(to: -1))
        #expect(try unit("1/a").dimension.description == "1 / year")
        #expect(try unit("m^0") == PhysicalUnit(symbol: "m^0", .dimensionless))
    }

    @Test(arguments: [
        ("CNY//t", UnitError.syntax("expected a unit after '/'", in: "CNY//t")),
        ("(m", .syntax("unbalanced parenthesis: missing ')'", in: "(m")),
        ("m)", .syntax("unbalanced parenthesis: unexpected ')'", in: "m)")),
        ("1000 m3", .syntax("bare number 1000 is not a unit", in: "1000 m3")),
        ("", .syntax("empty unit", in: "")),
        ("   ", .syntax("empty unit", in: "")),
        ("/t", .syntax("expected a unit before '/'", in: "/t")),
        ("m*", .syntax("expected a unit after '*'", in: "m*")),
        ("(", .syntax("expected a unit after '('", in: "(")),
        ("()", .syntax("empty parentheses", in: "()")),
        ("m m", .syntax("missing operator before 'm'", in: "m m")),
        ("(m m)", .syntax("missing operator before 'm'", in: "(m m)")),
        ("m^", .syntax("expected an integer exponent after '^'", in: "m^")),
        ("m^2^2", .syntax("missing operator before '^2'", in: "m^2^2")),
        ("km^400", .syntax("exponent 400 is too large", in: "km^400")),
        ("CNY+t", .syntax("unexpected character '+'", in: "CNY+t")),
    ])
    func syntaxError(text: String, expected: UnitError) {
        #expect(parseError(text) == expected)
    }

    @Test(arguments: [
        ("tCO2", "tCO2", "t_CO2"), ("CNY/tCO2", "tCO2", "t_CO2"), ("kgN/ha", "kgN", "kg_N"),
        ("kwh", "kwh", "kWh"), ("cny/m3", "cny", "CNY"), ("t_C/hx", "hx", "ha"),
        ("CNY/yaer", "yaer", "year"), ("t_", "t_", "t"),
    ])
    func unknownSymbolSuggestion(text: String, symbol: String, suggestion: String) {
        #expect(parseError(text) == .unknownSymbol(symbol, in: text, suggestion: suggestion))
    }

    @Test func unknownSymbolMessages() {
        #expect(parseError("t_C/hx")?.description == "unknown unit symbol 'hx' in 't_C/hx'; did you mean 'ha'?")
        #expect(parseError("CNY/tCO2")?.description
            == "unknown unit symbol 'tCO2' in 'CNY/tCO2'; did you mean 't_CO2'?")
        #expect(parseError("quux/ha") == .unknownSymbol("quux", in: "quux/ha", suggestion: nil))
        #expect(parseError("quux/ha")?.description == "unknown unit symbol 'quux' in 'quux/ha'")
        #expect(parseError("m_C") == .unknownSymbol("m_C", in: "m_C", suggestion: nil))
        #expect(parseError("t_2C") != nil)
    }

    @Test func dimensionDescriptions() throws {
        #expect(Dimension.dimensionless.description == "dimensionless")
        #expect(try unit("kWh").dimension.description == "energy")
        #expect(try unit("CNY/t_CO2").dimension.description == "money / mass of CO2")
        #expect(try unit("CNY/m3").dimension.description == "money / volume")
        #expect(try unit("kJ/(m2*d)").dimension.description == "energy / area / day")
        #expect(try unit("CNY/visit").dimension.description == "money / count of visit")
        #expect(try unit("t*ha*h/(ha*MJ*mm)").dimension.description == "mass · clock time / energy / length")
        #expect(try unit("m^4/a^2").dimension.description == "length^4 / year^2")
        #expect(try unit("1/t_C^2").dimension.description == "1 / (mass of C)^2")
        #expect(try unit("%").dimension.description == "dimensionless")
    }

    @Test func dimensionAlgebra() {
        let price = Dimension.money / .mass(of: "CO2")
        #expect(price.exponent(of: .money) == 1)
        #expect(price.exponent(of: .mass(substance: "CO2")) == -1)
        #expect(price.exponent(of: .mass(substance: nil)) == 0)
        #expect(Dimension.area / .length == .length)
        #expect(Dimension.year / .year == .dimensionless)
        #expect(Dimension.area * .year == .year * .area)
        #expect(Dimension.mass(of: "C") != .mass(of: "CO2"))
        #expect(Dimension.mass() != .mass(of: "C"))
        #expect(price.involvesMoney)
        #expect(Dimension.money.raised(to: -1).involvesMoney)
        #expect(!Dimension.area.involvesMoney)
        #expect(!(Dimension.money / .money).involvesMoney)
    }

    @Test func unitProductsAndQuotients() throws {
        let price = try unit("CNY/t_CO2")
        let rate = try unit("t_CO2/ha/a")
        let value = price * rate
        #expect(value.symbol == "CNY/t_CO2*t_CO2/ha/a")
        #expect(value.dimension == .money / .area / .year)
        #expect(value.scale == 1e-4)

        let perArea = try unit("CNY") / unit("ha*a")
        #expect(perArea.symbol == "CNY/(ha*a)")
        #expect(perArea.conversionFactor(to: try unit("CNY/(ha*a)")) == 1)

        let nested = try unit("t") / unit("CNY/t")
        #expect(nested.symbol == "t/(CNY/t)")
        #expect(nested.dimension == .mass().raised(to: 2) / .money)
        #expect(try unit(nested.symbol).conversionFactor(to: nested) == 1)

        let grouped = try unit("t") / unit("(ha*a)")
        #expect(grouped.symbol == "t/(ha*a)")

        let hectare = try unit("ha")
        #expect(PhysicalUnit.dimensionless * hectare == hectare)
        #expect(hectare * .dimensionless == hectare)
        #expect(hectare / .dimensionless == hectare)
        #expect((PhysicalUnit.dimensionless / hectare).symbol == "1/ha")
        #expect(PhysicalUnit.dimensionless.description == "1")
        #expect(PhysicalUnit.dimensionless.scale == 1)
    }

    @Test func equalityIncludesSpelling() throws {
        #expect(try unit("m2") == unit("m2"))
        #expect(try unit("m2") != unit("m^2"))
        #expect(try unit("m2").isCompatible(with: unit("m^2")))
        #expect(try unit("ha").description == "ha")
    }
}
