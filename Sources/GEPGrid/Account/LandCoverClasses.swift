import Foundation
import GEPCore

/// Which ecosystem type each land-cover code (lucode) of a grid belongs to, so per-cell
/// models take their coefficients from the same coefficient sets as the county account.
///
/// Read from a CSV with columns `lucode`, `ecosystem` (an `EcosystemType` id) and optional
/// `name`; headers are matched case-insensitively. Codes are 0…65535.
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
    public static let maximumCode = 65535

    /// Parses the classes table, listing every problem (file:line).
    public static func parse(_ bytes: [UInt8], file: String) throws(GEPError) -> LandCoverClasses {
        let table = try CSVTable.parse(bytes, file: file)
        var problems: [Diagnostic] = []
        func column(_ name: String) -> Int? { table.header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == name } }
        guard let codeColumn = column("lucode"), let typeColumn = column("ecosystem") else {
            throw .invalidData([Diagnostic(file: file, line: 1, message: "expected columns \"lucode\" and \"ecosystem\", found: \(table.header.joined(separator: ", "))")])
        }
        let nameColumn = column("name")
        var types: [Int: EcosystemType] = [:], names: [Int: String] = [:]
        for row in table.records {
            let codeText = row.fields[codeColumn].trimmingCharacters(in: .whitespaces)
            guard let code = Int(codeText), (0...maximumCode).contains(code) else {
                problems.append(Diagnostic(file: file, line: row.line, message: "lucode must be an integer from 0 to \(maximumCode), found \"\(codeText)\""))
                continue
            }
            let typeText = row.fields[typeColumn].trimmingCharacters(in: .whitespaces)
            guard let type = EcosystemType(rawValue: typeText) else {
                var message = "unknown ecosystem type \"\(typeText)\" for lucode \(code)"
                if let near = EditDistance.nearest(to: typeText, in: EcosystemType.allCases.map(\.id)) { message += "; did you mean \"\(near)\"?" }
                problems.append(Diagnostic(file: file, line: row.line, message: message))
                continue
            }
            if types[code] != nil { problems.append(Diagnostic(file: file, line: row.line, message: "duplicate lucode \(code)")) }
            types[code] = type
            if let nameColumn { names[code] = row.fields[nameColumn] }
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
        return LandCoverClasses(types: types, names: names)
    }
}
