import Foundation

/// A layer of coefficients read from one file: the national defaults, a province's
/// overrides, a county's overrides, or a user's file given with `--coefficients`.
///
/// File format (JSON):
/// ```json
/// { "id": "guangdong", "extends": "national", "name_en": "…", "name_zh": "…",
///   "price_index": "cn_cpi",
///   "coefficients": [ { "id": "price.electricity", "value": 0.717, "unit": "CNY/kWh",
///                       "base_year": 2020, "source": "…", "low": 0.53, "high": 0.8, "domain": "[0, inf)" } ] }
/// ```
/// `domain` (optional) is the interval of values the coefficient can take at all, in interval
/// notation (see `CoefficientDomain`).
public struct CoefficientSet: Sendable {
    /// The set's id (file name without `.json` for library sets).
    public var id: String
    /// The id of the set this one overrides, if any.
    public var extends: String?
    /// English title.
    public var nameEN: String
    /// Chinese title.
    public var nameZH: String
    /// The id of the price-index series used to move prices between years, if this set chooses one.
    public var priceIndex: String?
    /// The entries, in file order.
    public var coefficients: [Coefficient]
    /// The file the set was read from.
    public var file: String

    /// Keys allowed at the top level of a set file.
    static let topLevelKeys = ["id", "extends", "name_en", "name_zh", "description", "price_index", "coefficients"]
    /// Keys allowed in a coefficient entry.
    static let entryKeys = ["id", "value", "unit", "base_year", "source", "low", "high", "domain", "name_en", "name_zh", "note"]

    /// Reads and validates a set file, reporting every problem at once.
    ///
    /// - Throws: `GEPError.invalidData` listing malformed JSON, missing fields, unparsable
    ///   units, duplicate ids, a value outside its own low–high range, a value or range end
    ///   outside its domain, or a base year outside 1950–2100.
    public static func parse(_ bytes: [UInt8], file: String) throws(GEPError) -> CoefficientSet {
        let root = try JSONParser.parse(bytes, file: file)
        var reader = FieldReader(file: file)
        guard reader.object(root, path: "") != nil else { throw .invalidData(reader.diagnostics) }
        reader.rejectUnknownKeys(root, allowed: topLevelKeys, path: "")
        let id = reader.string(root, "id", path: "")
        let extends = reader.string(root, "extends", path: "", required: false)
        let nameEN = reader.string(root, "name_en", path: "") ?? ""
        let nameZH = reader.string(root, "name_zh", path: "") ?? ""
        let priceIndex = reader.string(root, "price_index", path: "", required: false)
        var coefficients: [Coefficient] = []
        var firstSeen: [String: SourcePosition] = [:]
        if let list = reader.field(root, "coefficients", path: "", required: true),
           let entries = reader.array(list, path: "coefficients") {
            for (index, entry) in entries.enumerated() {
                let path = "coefficients[\(index)]"
                guard let coefficient = parseEntry(entry, path: path, origin: id ?? file, reader: &reader) else { continue }
                if let first = firstSeen[coefficient.id] {
                    reader.report("duplicate coefficient id \"\(coefficient.id)\" (first at line \(first.line))", at: entry.position, path: path)
                } else {
                    firstSeen[coefficient.id] = entry.position
                    coefficients.append(coefficient)
                }
            }
        }
        guard reader.diagnostics.isEmpty, let id else { throw .invalidData(reader.diagnostics) }
        return CoefficientSet(id: id, extends: extends, nameEN: nameEN, nameZH: nameZH,
                              priceIndex: priceIndex, coefficients: coefficients, file: file)
    }

    private static func parseEntry(_ entry: JSONNode, path: String, origin: String, reader: inout FieldReader) -> Coefficient? {
        guard reader.object(entry, path: path) != nil else { return nil }
        reader.rejectUnknownKeys(entry, allowed: entryKeys, path: path)
        let id = reader.string(entry, "id", path: path)
        let value = reader.number(entry, "value", path: path)
        let unitText = reader.string(entry, "unit", path: path)
        let baseYear = reader.integer(entry, "base_year", path: path, in: 1950...2100)
        let source = reader.string(entry, "source", path: path)
        let low = reader.number(entry, "low", path: path, required: false)
        let high = reader.number(entry, "high", path: path, required: false)
        let nameEN = reader.string(entry, "name_en", path: path, required: false)
        let nameZH = reader.string(entry, "name_zh", path: path, required: false)
        let note = reader.string(entry, "note", path: path, required: false)
        var domain: CoefficientDomain?
        if let text = reader.string(entry, "domain", path: path, required: false) {
            domain = CoefficientDomain(parsing: text)
            if domain == nil {
                reader.report("domain \"\(text)\" is not an interval such as \"[0, 1]\", \"(0, inf)\" or \"[0, 100]\"", at: entry["domain"]?.position, path: path + ".domain")
            }
        }
        var unit: PhysicalUnit?
        if let unitText {
            do { unit = try PhysicalUnit(parsing: unitText) } catch {
                reader.report(error.description, at: entry["unit"]?.position, path: path + ".unit")
            }
        }
        if let id, !Self.isValidID(id) {
            reader.report("coefficient id \"\(id)\" must be lower-case letters, digits, '_' and '.'", at: entry["id"]?.position, path: path + ".id")
        }
        if let source, source.trimmingCharacters(in: .whitespaces).isEmpty {
            reader.report("source must not be empty: cite the publication or write \"assumption: …\"", at: entry["source"]?.position, path: path + ".source")
        }
        if let value, let low, value < low {
            reader.report("value \(value) is below its own low \(low)", at: entry["value"]?.position, path: path + ".value")
        }
        if let value, let high, value > high {
            reader.report("value \(value) is above its own high \(high)", at: entry["value"]?.position, path: path + ".value")
        }
        if let domain {
            for (key, number) in [("value", value), ("low", low), ("high", high)] {
                if let number, !domain.contains(number) {
                    reader.report("\(key) \(number) is outside the domain \(domain)", at: entry[key]?.position, path: path + "." + key)
                }
            }
        }
        guard let id, let value, let unit, let baseYear, let source else { return nil }
        return Coefficient(id: id, value: value, unit: unit, baseYear: baseYear, source: source, low: low, high: high, domain: domain,
                           nameEN: nameEN, nameZH: nameZH, note: note, origin: origin)
    }

    /// True for ids made of `[a-z0-9_.]`, starting with a letter.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
    }
}
