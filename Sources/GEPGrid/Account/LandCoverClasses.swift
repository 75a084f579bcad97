import GEPCore

/// Which ecosystem type each land-cover code (lucode) of a grid belongs to, so per-cell
/// models take their coefficients from the same coefficient sets as the county account.
///
/// Read from a CSV with columns `lucode`, `ecosystem` (an `EcosystemType` id) and optional
/// `name`; headers are matched as InVEST matches them (trimmed, case-insensitively). Codes
/// are 0…65535.
public struct LandCoverClasses: Sendable {
    /// Ecosystem type by lucode.
    public var types: [Int: EcosystemType]
    /// Optional class names by lucode.
    public var names: [Int: String]

    /// Creates a mapping.
    public init(types: [Int: EcosystemType], names: [Int: String] = [:]) {
        self.types = types
        self.names = names
    }

    /// Largest code that can be mapped.
    public static let maximumCode = LucodeTableReader.maximumLucode

    /// Parses the classes table.
    ///
    /// - Throws: `.invalidData` listing every problem with file and line: CSV syntax, a
    ///   missing `lucode` or `ecosystem` column, an empty cell in either (a short row leaves
    ///   its missing fields empty), a lucode that is not an integer in 0…65535 or repeats, an
    ///   unknown ecosystem type (with the nearest id).
    public static func parse(_ bytes: [UInt8], file: String) throws(GEPError) -> LandCoverClasses {
        let table = try CSVTable.parse(bytes, file: file)
        var reader = LucodeTableReader(table: table, required: ["lucode", "ecosystem"], optional: ["name"])
        guard reader.hasColumns else { throw .invalidData(reader.diagnostics) }
        var types: [Int: EcosystemType] = [:], names: [Int: String] = [:]
        for (record, code) in zip(table.records, reader.lucodes()) {
            let typeText = reader.cell(record, "ecosystem")
            guard let type = EcosystemType(rawValue: typeText) else {
                if typeText.isEmpty {
                    reader.report(record, "column 'ecosystem' is empty")
                } else {
                    var message = "unknown ecosystem type \"\(typeText)\"" + (code.map { " for lucode \($0)" } ?? "")
                    if let near = EditDistance.nearest(to: typeText, in: EcosystemType.allCases.map(\.id)) { message += "; did you mean \"\(near)\"?" }
                    reader.report(record, message)
                }
                continue
            }
            guard let code else { continue }
            types[code] = type
            if reader.hasColumn("name") { names[code] = reader.cell(record, "name") }
        }
        guard reader.diagnostics.isEmpty else { throw .invalidData(reader.diagnostics) }
        return LandCoverClasses(types: types, names: names)
    }
}
