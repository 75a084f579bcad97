import Foundation
import Testing

/// A parsed JSON value read with Foundation's `JSONSerialization`, not the project's parser,
/// so that hand computations read their inputs by a path of their own.
struct PlainJSON {
    /// The value as `JSONSerialization` returns it.
    let value: Any?

    /// Parses a file.
    init(file path: String) throws {
        value = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Parses text.
    init(text: String) throws {
        value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    private init(_ value: Any?) { self.value = value }

    /// The member `key` of an object (nil value when absent).
    subscript(key: String) -> PlainJSON { PlainJSON((value as? [String: Any])?[key]) }
    /// The members of an object.
    var members: [String: PlainJSON] { ((value as? [String: Any]) ?? [:]).mapValues(PlainJSON.init) }
    /// The elements of an array.
    var elements: [PlainJSON] { ((value as? [Any]) ?? []).map(PlainJSON.init) }
    /// A number.
    var double: Double? { (value as? NSNumber)?.doubleValue }
    /// A string.
    var string: String? { value as? String }
    /// A boolean.
    var bool: Bool? { (value as? NSNumber)?.boolValue }
    /// Whether the value is absent or JSON null.
    var isNull: Bool { value == nil || value is NSNull }
}

/// A county input and its coefficient library read by hand: the sample's quantities, the
/// coefficient sets layered by their `extends` chain (a later layer's value wins) and the price
/// index chained from its anchor, for hand computations independent of the engine.
struct HandSample {
    /// The county input.
    let input: PlainJSON
    /// The effective coefficients, by id.
    let coefficients: [String: PlainJSON]
    /// The layers, first (national) to last.
    let layers: [String]
    /// The price-index level of each year.
    let priceLevels: [Int: Double]
    /// The year prices are expressed in.
    let priceYear: Int

    /// Reads `input` (a path under `repository`) and the coefficient library beside it.
    init(repository: String, input path: String) throws {
        input = try PlainJSON(file: repository + "/" + path)
        var chain: [PlainJSON] = []
        var next = input["coefficient_set"].string
        while let id = next {
            let set = try PlainJSON(file: repository + "/coefficients/sets/\(id).json")
            chain.insert(set, at: 0)
            next = set["extends"].string
        }
        layers = chain.compactMap { $0["id"].string }
        var coefficients: [String: PlainJSON] = [:]
        for set in chain {
            for entry in set["coefficients"].elements { coefficients[try #require(entry["id"].string)] = entry }
        }
        self.coefficients = coefficients
        let indexID = try #require(chain.first?["price_index"].string)
        let index = try PlainJSON(file: repository + "/coefficients/price-index/\(indexID).json")
        let anchorYear = Int(try #require(index["anchor"]["year"].double))
        var levels = [anchorYear: try #require(index["anchor"]["level"].double)]
        let yearOnYear = index["previous_year_100"].members.compactMapValues(\.double)
        let years = yearOnYear.keys.compactMap { Int($0) }
        for year in (anchorYear + 1)...(years.max() ?? anchorYear) {
            levels[year] = try #require(levels[year - 1]) * (try #require(yearOnYear[String(year)])) / 100
        }
        for year in stride(from: anchorYear - 1, through: (years.min() ?? anchorYear) - 1, by: -1) {
            levels[year] = try #require(levels[year + 1]) / (try #require(yearOnYear[String(year + 1)])) * 100
        }
        priceLevels = levels
        priceYear = Int(try #require(input["accounting_year"].double))
        try #require(input["price_basis"].string == "current")
    }

    /// A coefficient's value, which must be written in `unit` (conversions are the caller's, by hand).
    func value(_ id: String, _ unit: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
        let entry = try #require(coefficients[id], "coefficient \(id)", sourceLocation: sourceLocation)
        try #require(entry["unit"].string == unit, "\(id) is in \(entry["unit"].string ?? "?"), not \(unit)", sourceLocation: sourceLocation)
        return try #require(entry["value"].double, sourceLocation: sourceLocation)
    }

    /// A price moved from its base year to the price year: p_t = p_b·L(t)/L(b).
    func price(_ id: String, _ unit: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
        let base = Int(try #require(coefficients[id]?["base_year"].double, "base year of \(id)", sourceLocation: sourceLocation))
        let now = try #require(priceLevels[priceYear], sourceLocation: sourceLocation)
        let then = try #require(priceLevels[base], "price level \(base)", sourceLocation: sourceLocation)
        return try value(id, unit, sourceLocation: sourceLocation) * now / then
    }

    /// A measured input `{"value", "unit"}` at `node`, which must be in `unit`.
    func quantity(_ node: PlainJSON, _ unit: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
        try #require(node["unit"].string == unit, "\(what) is in \(node["unit"].string ?? "?"), not \(unit)", sourceLocation: sourceLocation)
        return try #require(node["value"].double, "\(what)", sourceLocation: sourceLocation)
    }

    /// `climate.<key>` in `unit`.
    func climate(_ key: String, _ unit: String) throws -> Double { try quantity(input["climate"][key], unit, "climate.\(key)") }

    /// `ecosystems.<type>.<key>` in `unit`.
    func ecosystem(_ type: String, _ key: String, _ unit: String) throws -> Double {
        try quantity(input["ecosystems"][type][key], unit, "ecosystems.\(type).\(key)")
    }

    /// A type's area in ha (0 when the type is absent).
    func area(_ type: String) throws -> Double {
        input["ecosystems"][type].isNull ? 0 : try ecosystem(type, "area", "ha")
    }

    /// The types of `candidates` present in the input (area > 0), in the given order.
    func present(_ candidates: [String]) throws -> [String] { try candidates.filter { try area($0) > 0 } }
}
