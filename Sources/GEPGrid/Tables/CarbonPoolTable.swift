import GEPCore

/// The InVEST Carbon pools table: carbon density of four pools per land-cover class.
///
/// Columns (InVEST 3.20.2 `carbon.py` MODEL_SPEC, L90-120): `lucode`, `c_above`, `c_below`,
/// `c_soil`, `c_dead`, each in Mg C/ha (t C/ha). Headers are matched trimmed and
/// case-insensitively; other columns are ignored.
public struct CarbonPoolTable: Sendable, Equatable {
    /// One land-cover class.
    public struct Entry: Sendable, Equatable {
        /// The land-cover code, 0…65535.
        public var lucode: Int
        /// Aboveground biomass carbon, Mg C/ha.
        public var above: Double
        /// Belowground biomass carbon, Mg C/ha.
        public var below: Double
        /// Soil organic carbon, Mg C/ha.
        public var soil: Double
        /// Dead organic matter carbon, Mg C/ha.
        public var dead: Double

        /// Creates an entry.
        public init(lucode: Int, above: Double, below: Double, soil: Double, dead: Double) {
            self.lucode = lucode
            self.above = above
            self.below = below
            self.soil = soil
            self.dead = dead
        }

        /// The stored carbon density as InVEST computes it per pixel: the four pools
        /// reclassified to Float32 rasters and summed in Float32, above + below + soil + dead
        /// (`_generate_carbon_map` L567-590, `sum_op` L564), Mg C/ha.
        public var totalDensity: Float {
            Float(above) + Float(below) + Float(soil) + Float(dead)
        }
    }

    /// The file the table came from, for messages.
    public let file: String
    /// The classes in ascending `lucode` order.
    public let entries: [Entry]
    /// `totalDensity` indexed by lucode (`nil` for codes not in the table), `max lucode + 1` of them.
    public let totalDensity: [Float?]

    /// Creates a table from entries, checking them.
    ///
    /// - Throws: `.invalidData` listing every lucode outside 0…65535, every repeated lucode and
    ///   every non-finite pool value or pool sum beyond Float32.
    public init(entries: [Entry], file: String = "carbon pools table") throws(GEPError) {
        var diagnostics: [Diagnostic] = []
        var seen: Set<Int> = []
        for entry in entries {
            if let problem = LucodeTableReader.lucodeProblem(entry.lucode, seen: &seen, file: file) { diagnostics.append(problem) }
            if ![entry.above, entry.below, entry.soil, entry.dead].allSatisfy(\.isFinite) {
                diagnostics.append(Diagnostic(file: file, message: "lucode \(entry.lucode): carbon pools must be finite numbers"))
            } else if !entry.totalDensity.isFinite {
                diagnostics.append(Diagnostic(file: file, message: "lucode \(entry.lucode): the pools' sum \(entry.above + entry.below + entry.soil + entry.dead) Mg C/ha is outside the range of a 32-bit float (about ±3.4e38), in which it is summed"))
            }
        }
        guard diagnostics.isEmpty else { throw .invalidData(diagnostics) }
        self.file = file
        self.entries = entries.sorted { $0.lucode < $1.lucode }
        totalDensity = LucodeTableReader.indexedByLucode(self.entries, lucode: \.lucode, value: \.totalDensity)
    }

    /// Parses a carbon pools CSV.
    ///
    /// - Throws: `.invalidData` listing every problem with file and line: CSV syntax, missing
    ///   or repeated required columns, empty or non-numeric cells, lucodes that are not integers
    ///   in 0…65535 or repeat.
    public static func parse(_ bytes: [UInt8], file: String) throws(GEPError) -> CarbonPoolTable {
        let table = try CSVTable.parse(bytes, file: file)
        let pools = ["c_above", "c_below", "c_soil", "c_dead"]
        var reader = LucodeTableReader(table: table, required: ["lucode"] + pools)
        guard reader.hasColumns else { throw .invalidData(reader.diagnostics) }
        let codes = reader.lucodes()
        var entries: [Entry] = []
        for (record, code) in zip(table.records, codes) {
            let values = pools.map { reader.number(record, $0) }
            if let code, let above = values[0], let below = values[1], let soil = values[2], let dead = values[3] {
                entries.append(Entry(lucode: code, above: above, below: below, soil: soil, dead: dead))
            }
        }
        guard reader.diagnostics.isEmpty else { throw .invalidData(reader.diagnostics) }
        return try CarbonPoolTable(entries: entries, file: file)
    }

    /// Reads and parses a carbon pools file.
    ///
    /// - Throws: `.missingInput`/`.io` when it cannot be read, otherwise as `parse`.
    public static func load(_ path: String, relativeTo directory: String) throws(GEPError) -> CarbonPoolTable {
        try parse(InputFile.read(path, relativeTo: directory), file: path)
    }
}
