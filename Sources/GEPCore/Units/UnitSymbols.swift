/// The unit symbols `PhysicalUnit(parsing:)` understands, and how a symbol is resolved.
enum UnitSymbols {
    /// Length symbols; each may also be followed directly by `2` or `3` (`km2`, `m3`).
    static let lengths: [(String, ExactScale)] = [
        ("mm", .powerOfTen(-3)), ("cm", .powerOfTen(-2)), ("m", .one), ("km", .powerOfTen(3)),
    ]

    /// Mass symbols; each may carry a substance tag after `_` (`t_CO2`, `kg_N`).
    static let masses: [(String, ExactScale)] = [
        ("mg", .powerOfTen(-6)), ("g", .powerOfTen(-3)), ("kg", .one),
        ("t", .powerOfTen(3)), ("Mg", .powerOfTen(3)), ("吨", .powerOfTen(3)),
    ]

    /// Every whole symbol with its meaning, in the order that breaks ties between suggestions.
    static let named: [(String, ScaledDimension)] = {
        let money: [(String, ExactScale)] = [
            ("CNY", .one), ("yuan", .one), ("元", .one),
            ("wan_CNY", .powerOfTen(4)), ("万元", .powerOfTen(4)),
            ("yi_CNY", .powerOfTen(8)), ("亿元", .powerOfTen(8)),
        ]
        let mu = ExactScale(10000) / ExactScale(15)
        let areas: [(String, ExactScale)] = [
            ("ha", .powerOfTen(4)), ("hm2", .powerOfTen(4)), ("mu", mu), ("亩", mu),
        ]
        let energies: [(String, ExactScale)] = [
            ("J", .one), ("kJ", .powerOfTen(3)), ("MJ", .powerOfTen(6)), ("GJ", .powerOfTen(9)),
            ("Wh", ExactScale(3600)), ("kWh", ExactScale(3_600_000)),
        ]
        let ratios: [(String, ExactScale)] = [
            ("%", .powerOfTen(-2)), ("permille", .powerOfTen(-3)), ("‰", .powerOfTen(-3)),
        ]
        func entries(_ list: [(String, ExactScale)], _ dimension: Dimension) -> [(String, ScaledDimension)] {
            list.map { ($0.0, ScaledDimension(dimension, $0.1)) }
        }
        let lengthPowers = [1, 2, 3].flatMap { exponent in
            lengths.map { symbol, scale in
                (exponent == 1 ? symbol : "\(symbol)\(exponent)",
                 ScaledDimension(Dimension.length.raised(to: exponent), scale.raised(to: exponent)))
            }
        }
        let counts = ["visit", "person", "head", "culm", "item"].map {
            ($0, ScaledDimension(.count(of: $0), .one))
        }
        return entries(money, .money)
            + lengthPowers
            + entries(areas, .area)
            + entries([("L", .powerOfTen(-3))], .volume)
            + entries(masses, .mass())
            + entries([("a", .one), ("yr", .one), ("year", .one)], .year)
            + entries([("d", .one), ("day", .one)], .day)
            + entries([("s", .one), ("min", ExactScale(60)), ("h", ExactScale(3600))], .clockTime)
            + entries(energies, .energy)
            + counts
            + entries(ratios, .dimensionless)
    }()

    private static let table = Dictionary(uniqueKeysWithValues: named)
    private static let massTable = Dictionary(uniqueKeysWithValues: masses)

    /// The meaning of one symbol of `text`: a whole symbol, or a mass symbol with a substance tag.
    /// - Throws: `UnitError.unknownSymbol`, with a suggestion when one is close.
    static func resolve(_ symbol: String, in text: String) throws(UnitError) -> ScaledDimension {
        if let meaning = table[symbol] { return meaning }
        if let underscore = symbol.firstIndex(of: "_"),
           let scale = massTable[String(symbol[..<underscore])] {
            let tag = symbol[symbol.index(after: underscore)...]
            if isSubstanceTag(tag) { return ScaledDimension(.mass(of: String(tag)), scale) }
        }
        throw .unknownSymbol(symbol, in: text, suggestion: UnitSuggestion.suggestion(for: symbol))
    }

    /// Whether `tag` is an identifier `[A-Za-z][A-Za-z0-9]*` naming a substance.
    static func isSubstanceTag(_ tag: Substring) -> Bool {
        guard let first = tag.first, first.isASCII, first.isLetter else { return false }
        return tag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
