import GEPCore

/// The InVEST Annual Water Yield biophysical table: one row per land-cover class.
///
/// Columns (InVEST 3.20.2 `annual_water_yield.py` MODEL_SPEC, L265-301): `lucode` (integer
/// land-cover code), `lulc_veg` (1 = vegetated, takes the Fu/Budyko branch; 0 = not, AET =
/// min(Kc·ET0, P)), `root_depth` (mm) and `kc` (crop coefficient, dimensionless). Headers are
/// matched trimmed and case-insensitively; other columns (such as `lulc_name`) are ignored.
public struct BiophysicalTable: Sendable, Equatable {
    /// One land-cover class.
    public struct Entry: Sendable, Equatable {
        /// The land-cover code, 0…65535.
        public var lucode: Int
        /// `lulc_veg == 1`.
        public var isVegetated: Bool
        /// Maximum root depth, mm.
        public var rootDepth: Double
        /// Crop coefficient Kc (PET = Kc · ET0).
        public var kc: Double

        /// Creates an entry.
        public init(lucode: Int, isVegetated: Bool, rootDepth: Double, kc: Double) {
            self.lucode = lucode
            self.isVegetated = isVegetated
            self.rootDepth = rootDepth
            self.kc = kc
        }
    }

    /// The file the table came from, for messages.
    public let file: String
    /// The classes in ascending `lucode` order.
    public let entries: [Entry]
    /// The per-class kernel parameters indexed by lucode (`nil` for codes not in the table),
    /// `max lucode + 1` of them: Kc and root depth converted to Float32 as InVEST's
    /// reclassified rasters hold them, and root depth 1 for non-vegetated classes (InVEST
    /// L802-817; the value is unused there).
    public let parameters: [WaterYieldClassParameters?]

    /// Creates a table from entries, checking them.
    ///
    /// - Throws: `.invalidData` listing every problem: a lucode outside 0…65535, a repeated
    ///   lucode, a negative or non-finite root depth or Kc.
    public init(entries: [Entry], file: String = "biophysical table") throws(GEPError) {
        var diagnostics: [Diagnostic] = []
        var seen: Set<Int> = []
        for entry in entries {
            if let problem = LucodeTableReader.lucodeProblem(entry.lucode, seen: &seen, file: file) { diagnostics.append(problem) }
            if !(Float(entry.rootDepth).isFinite && entry.rootDepth >= 0) {
                diagnostics.append(Diagnostic(file: file, message: "lucode \(entry.lucode): root_depth must be a number from 0 to 3.4e38 (a 32-bit float)"))
            }
            if !(Float(entry.kc).isFinite && entry.kc >= 0) {
                diagnostics.append(Diagnostic(file: file, message: "lucode \(entry.lucode): kc must be a number from 0 to 3.4e38 (a 32-bit float)"))
            }
        }
        guard diagnostics.isEmpty else { throw .invalidData(diagnostics) }
        self.file = file
        self.entries = entries.sorted { $0.lucode < $1.lucode }
        parameters = LucodeTableReader.indexedByLucode(self.entries, lucode: \.lucode) { entry in
            WaterYieldClassParameters(kc: Float(entry.kc), rootDepth: entry.isVegetated ? Float(entry.rootDepth) : 1, isVegetated: entry.isVegetated)
        }
    }

    /// Parses a biophysical table CSV.
    ///
    /// - Throws: `.invalidData` listing every problem with file and line: CSV syntax, missing
    ///   or repeated required columns, empty or non-numeric cells, lucodes that are not integers
    ///   in 0…65535 or repeat, `lulc_veg` other than 0 or 1, negative `root_depth` or `kc`.
    public static func parse(_ bytes: [UInt8], file: String) throws(GEPError) -> BiophysicalTable {
        let table = try CSVTable.parse(bytes, file: file)
        var reader = LucodeTableReader(table: table, required: ["lucode", "lulc_veg", "root_depth", "kc"])
        guard reader.hasColumns else { throw .invalidData(reader.diagnostics) }
        let codes = reader.lucodes()
        var entries: [Entry] = []
        for (record, code) in zip(table.records, codes) {
            let veg = reader.number(record, "lulc_veg")
            let root = reader.number(record, "root_depth")
            let kc = reader.number(record, "kc")
            if let veg, veg != 0, veg != 1 {
                reader.report(record, "lulc_veg must be 0 or 1, found \(reader.cell(record, "lulc_veg"))")
            }
            if let root, root < 0 { reader.report(record, "root_depth must not be negative, found \(reader.cell(record, "root_depth"))") }
            if let kc, kc < 0 { reader.report(record, "kc must not be negative, found \(reader.cell(record, "kc"))") }
            if let code, let veg, veg == 0 || veg == 1, let root, root >= 0, let kc, kc >= 0 {
                entries.append(Entry(lucode: code, isVegetated: veg == 1, rootDepth: root, kc: kc))
            }
        }
        guard reader.diagnostics.isEmpty else { throw .invalidData(reader.diagnostics) }
        return try BiophysicalTable(entries: entries, file: file)
    }

    /// Reads and parses a biophysical table file.
    ///
    /// - Throws: `.missingInput`/`.io` when it cannot be read, otherwise as `parse`.
    public static func load(_ path: String, relativeTo directory: String) throws(GEPError) -> BiophysicalTable {
        try parse(InputFile.read(path, relativeTo: directory), file: path)
    }
}

/// What the water-yield kernel needs about one land-cover class, pre-reduced once per run.
public struct WaterYieldClassParameters: Sendable, Equatable {
    /// Crop coefficient Kc as Float32.
    public var kc: Float
    /// Root depth, mm, as Float32; 1 for non-vegetated classes, as InVEST sets it.
    public var rootDepth: Float
    /// Whether the class takes the vegetated (Fu/Budyko) branch.
    public var isVegetated: Bool
}
