/// A price-index series used to move money values between years, such as China's
/// consumer price index.
///
/// The file stores what statistical yearbooks publish: the year-on-year index
/// (previous year = 100) for each year, and one anchor level on a fixed base (for the
/// national CPI, 2007 = 493.6 on 1978 = 100). Levels for other years are chained from the
/// anchor: `L(y) = L(y−1)·I(y)/100`. A price `p` of base year `b` expressed in year `t`
/// prices is `p·L(t)/L(b)`.
public struct PriceIndex: Sendable {
    /// Series id, for example `cn_cpi`.
    public var id: String
    /// English title.
    public var nameEN: String
    /// Citation of the published series.
    public var source: String
    /// Level for every covered year, on the anchor's base.
    public private(set) var levels: [Int: Double]
    /// The file the series was read from.
    public var file: String

    /// Creates a series from levels directly (used by tests and by `parse`).
    public init(id: String, nameEN: String, source: String, levels: [Int: Double], file: String) {
        self.id = id
        self.nameEN = nameEN
        self.source = source
        self.levels = levels
        self.file = file
    }

    /// The years covered, ascending.
    public var years: ClosedRange<Int>? {
        guard let first = levels.keys.min(), let last = levels.keys.max() else { return nil }
        return first...last
    }

    /// The factor `L(to)/L(from)` that converts a money value in `from`-year prices into
    /// `to`-year prices, or `nil` when either year is outside the series.
    public func factor(from: Int, to: Int) -> Double? {
        guard let a = levels[from], let b = levels[to] else { return nil }
        return from == to ? 1 : b / a
    }

    /// Reads a series file:
    /// `{"id", "name_en", "source", "anchor": {"year", "level", "basis"}, "previous_year_100": {"2008": 105.9, …}}`.
    ///
    /// - Throws: `GEPError.invalidData` listing every problem (a gap in the years, a
    ///   non-positive index, a missing anchor year).
    public static func parse(_ bytes: [UInt8], file: String) throws(GEPError) -> PriceIndex {
        let root = try JSONParser.parse(bytes, file: file)
        var reader = FieldReader(file: file)
        guard reader.object(root, path: "") != nil else { throw .invalidData(reader.diagnostics) }
        reader.rejectUnknownKeys(root, allowed: ["id", "name_en", "name_zh", "source", "note", "anchor", "previous_year_100"], path: "")
        let id = reader.string(root, "id", path: "")
        let nameEN = reader.string(root, "name_en", path: "") ?? ""
        let source = reader.string(root, "source", path: "") ?? ""
        var anchorYear: Int?, anchorLevel: Double?
        if let anchor = reader.field(root, "anchor", path: "", required: true), reader.object(anchor, path: "anchor") != nil {
            reader.rejectUnknownKeys(anchor, allowed: ["year", "level", "basis"], path: "anchor")
            anchorYear = reader.integer(anchor, "year", path: "anchor", in: 1950...2100)
            anchorLevel = reader.number(anchor, "level", path: "anchor")
        }
        var yearOnYear: [Int: Double] = [:]
        if let series = reader.field(root, "previous_year_100", path: "", required: true),
           let members = reader.object(series, path: "previous_year_100") {
            for member in members {
                let path = "previous_year_100.\(member.key)"
                guard let year = Int(member.key), (1950...2100).contains(year) else {
                    reader.report("expected a year as the key, found \"\(member.key)\"", at: member.keyPosition, path: path)
                    continue
                }
                guard let value = reader.number(member.value, path: path) else { continue }
                if value <= 0 { reader.report("index must be positive, found \(value)", at: member.value.position, path: path) }
                yearOnYear[year] = value
            }
        }
        var levels: [Int: Double] = [:]
        if let anchorYear, let anchorLevel {
            if anchorLevel <= 0 { reader.report("anchor level must be positive", at: root["anchor"]?.position, path: "anchor.level") }
            levels[anchorYear] = anchorLevel
            var year = anchorYear
            while let index = yearOnYear[year + 1] {
                levels[year + 1] = levels[year]! * index / 100
                year += 1
            }
            year = anchorYear
            while let index = yearOnYear[year] {
                levels[year - 1] = levels[year]! / (index / 100)
                year -= 1
            }
            for year in yearOnYear.keys.sorted() where levels[year] == nil {
                reader.report("year \(year) is not connected to the anchor year \(anchorYear): a year is missing in between",
                              at: root["previous_year_100"]?.position, path: "previous_year_100")
            }
        }
        guard reader.diagnostics.isEmpty, let id else { throw .invalidData(reader.diagnostics) }
        return PriceIndex(id: id, nameEN: nameEN, source: source, levels: levels, file: file)
    }
}
