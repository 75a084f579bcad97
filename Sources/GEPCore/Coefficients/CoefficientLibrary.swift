import Foundation

/// The coefficient sets and price-index series shipped in a `coefficients/` directory.
///
/// Layout: `coefficients/sets/<id>.json` (one `CoefficientSet` each) and
/// `coefficients/price-index/<id>.json` (one `PriceIndex` each).
public struct CoefficientLibrary: Sendable {
    /// The directory the library was read from.
    public var directory: String
    /// Sets by id.
    public var sets: [String: CoefficientSet]
    /// Price-index series by id.
    public var priceIndices: [String: PriceIndex]

    /// Creates a library from already-parsed parts.
    public init(directory: String, sets: [String: CoefficientSet], priceIndices: [String: PriceIndex]) {
        self.directory = directory
        self.sets = sets
        self.priceIndices = priceIndices
    }

    /// Reads every set and series under `directory`, reporting all problems across all files.
    public static func load(directory: String) throws(GEPError) -> CoefficientLibrary {
        var sets: [String: CoefficientSet] = [:]
        var indices: [String: PriceIndex] = [:]
        var problems: [Diagnostic] = []
        let setFiles = jsonFiles(in: directory + "/sets")
        if setFiles.isEmpty {
            throw .missingInput(path: directory + "/sets", reason: "no coefficient set files (*.json) found")
        }
        for path in setFiles {
            do {
                let set = try CoefficientSet.parse(try InputFile.read(path, relativeTo: "/"), file: path)
                let expected = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                if set.id != expected {
                    problems.append(Diagnostic(file: path, path: "id", message: "set id \"\(set.id)\" must match the file name \"\(expected)\""))
                }
                sets[set.id] = set
            } catch let error {
                guard case let .invalidData(list) = error else { throw error }
                problems += list
            }
        }
        for path in jsonFiles(in: directory + "/price-index") {
            do {
                let index = try PriceIndex.parse(try InputFile.read(path, relativeTo: "/"), file: path)
                indices[index.id] = index
            } catch let error {
                guard case let .invalidData(list) = error else { throw error }
                problems += list
            }
        }
        for set in sets.values.sorted(by: { $0.id < $1.id }) {
            if let parent = set.extends, sets[parent] == nil {
                problems.append(Diagnostic(file: set.file, path: "extends", message: "extends unknown set \"\(parent)\""))
            }
            if let index = set.priceIndex, indices[index] == nil {
                problems.append(Diagnostic(file: set.file, path: "price_index", message: "unknown price index \"\(index)\""))
            }
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
        return CoefficientLibrary(directory: directory, sets: sets, priceIndices: indices)
    }

    /// The layers from the root set down to `id`, root first.
    ///
    /// - Throws: `GEPError.invalidData` for an unknown id (with the nearest known id) or a cycle.
    public func chain(to id: String) throws(GEPError) -> [CoefficientSet] {
        var result: [CoefficientSet] = []
        var current: String? = id
        while let name = current {
            guard let set = sets[name] else {
                var message = "unknown coefficient set \"\(name)\""
                if let near = EditDistance.nearest(to: name, in: sets.keys.sorted()) { message += "; did you mean \"\(near)\"?" }
                message += " (available: \(sets.keys.sorted().joined(separator: ", ")))"
                throw .invalidData([Diagnostic(message: message)])
            }
            if result.contains(where: { $0.id == name }) {
                throw .invalidData([Diagnostic(file: set.file, path: "extends", message: "coefficient sets extend each other in a cycle")])
            }
            result.append(set)
            current = set.extends
        }
        return result.reversed()
    }

    /// Finds the `coefficients/` directory: `$GEP_COEFFICIENTS_DIR` if set; otherwise the first
    /// `coefficients/` holding `sets/national.json` in the working directory or one of its
    /// parents, or next to the executable or one of its parents (so `swift run` and a copied
    /// binary inside a checkout both work).
    public static func locate(environment: [String: String], workingDirectory: String, executablePath: String?) -> String? {
        if let explicit = environment["GEP_COEFFICIENTS_DIR"], !explicit.isEmpty { return explicit }
        var starts = [workingDirectory]
        if let executablePath { starts.append((executablePath as NSString).deletingLastPathComponent) }
        for start in starts {
            var directory = start
            while true {
                let candidate = directory + "/coefficients"
                if FileManager.default.fileExists(atPath: candidate + "/sets/national.json") { return candidate }
                let parent = (directory as NSString).deletingLastPathComponent
                if parent == directory || parent.isEmpty { break }
                directory = parent
            }
        }
        return nil
    }

    private static func jsonFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory + "/" + $0 }
    }
}
