/// The kinds of JSON file `gep` reads, told apart by their top-level keys, so that a file
/// given to the wrong command is named for what it is ("a grid input: run gep grid")
/// instead of being reported as dozens of unknown keys.
public enum InputKind: String, Sendable, CaseIterable {
    case countyInput, gridInput, scenario, quote, sensitivityParameters, coefficientSet, priceIndex, sensitivityResult

    /// What a user calls the file.
    public var name: String {
        switch self {
        case .countyInput: "a county input"
        case .gridInput: "a grid input"
        case .scenario: "a scenario file"
        case .quote: "a compensation quote"
        case .sensitivityParameters: "a sensitivity parameter file"
        case .coefficientSet: "a coefficient set"
        case .priceIndex: "a price index"
        case .sensitivityResult: "a sensitivity result"
        }
    }

    /// The command that reads this kind of file.
    public var reader: String {
        switch self {
        case .countyInput: "gep account FILE"
        case .gridInput: "gep grid FILE"
        case .scenario: "gep scenario FILE"
        case .quote: "gep compensate FILE"
        case .sensitivityParameters: "gep sensitivity METHOD INPUT --params FILE"
        case .coefficientSet: "--coefficients FILE (on account, grid, scenario, sensitivity, coefficients show)"
        case .priceIndex: "the coefficient library (coefficients/price-index/)"
        case .sensitivityResult: "nothing (it is an output); its \"design\" member is a parameter file"
        }
    }

    /// Top-level keys that only this kind has (any one of them identifies it).
    private var markers: [[String]] {
        switch self {
        case .countyInput: [["ecosystems"], ["climate"], ["forest_stock"]]
        case .gridInput: [["layers"], ["land_cover_classes"]]
        case .scenario: [["baseline", "id"], ["grid_baseline"], ["adjust"], ["land_cover"], ["land_cover_rule"], ["land_cover_raster"]]
        case .quote: [["scheme"], ["payers"], ["quote_id"]]
        case .sensitivityParameters: [["parameters"]]
        case .coefficientSet: [["coefficients", "id"]]
        case .priceIndex: [["previous_year_100"], ["anchor"]]
        case .sensitivityResult: [["design", "results"]]
        }
    }

    /// The kind `root` looks like, when exactly one kind matches its top-level keys.
    public static func recognise(_ root: JSONNode) -> InputKind? {
        guard let members = root.members else { return nil }
        let keys = Set(members.map(\.key))
        let matches = allCases.filter { kind in kind.markers.contains { $0.allSatisfy(keys.contains) } }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Runs `parse` on `bytes`; when it fails on bad data and the file is recognisably another
    /// kind than `expected`, throws one problem saying what the file is and which command reads it.
    public static func parsing<T>(_ bytes: [UInt8], file: String, expected: [InputKind], command: String,
                                  _ parse: () throws(GEPError) -> T) throws(GEPError) -> T {
        do {
            return try parse()
        } catch {
            guard case .invalidData = error, let root = try? JSONParser.parse(bytes, file: file),
                  let kind = recognise(root), !expected.contains(kind) else { throw error }
            let wanted = expected.map(\.name).joined(separator: " or ")
            throw .invalidData([Diagnostic(file: file, message: "this is \(kind.name), not \(wanted) as '\(command)' expects; it is read by \(kind.reader)")])
        }
    }
}
