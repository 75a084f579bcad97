import GEPCore
import GEPRaster

/// What a `GridEngine` run produced: totals for the whole grid and per zone, plus the values
/// the kernel or the zone layer could not use.
public struct GridRun<Record: ZoneRecord>: Sendable {
    /// Every cell of the grid.
    public var grid: Record
    /// Cells by zone id (integers ≥ 1); only zones that occur.
    public var zones: [Int: Record]
    /// Cells outside every zone (zone 0, zone nodata or NaN, or no zone layer).
    public var unzoned: Record
    /// Zone cells whose value is not a usable id (not a whole number in 1…2^53), with
    /// their cell counts, by value.
    public var invalidZoneValues: [(value: Double, cells: Int)]
    /// Cells the kernel could not match, with counts, sorted by layer then value.
    public var unmatched: [(value: UnmatchedValue, cells: Int)]

    /// One diagnostic per invalid zone value, naming `zoneLayer`.
    public func zoneDiagnostics(zoneLayer: String) -> [Diagnostic] {
        ZoneKeyResolver.diagnostics(invalidZoneValues, zoneLayer: zoneLayer)
    }
}

/// How a zone cell (read exactly as Double) is recognised as nodata: InVEST's rule
/// (`NodataRule`) on Double, |value − nodata| ≤ 1e-8 + 1e-5·|nodata| for floating-point rasters
/// and equality for integer ones; NaN is always nodata.
struct ZoneNodataRule: Sendable {
    let nodata: Double?
    let tolerance: Double

    /// The rule of `band` (nil: only NaN is nodata).
    init(band: (any RasterBand)?) {
        var declared: Double?
        if let value = band?.nodata, !value.isNaN { declared = value }
        nodata = declared
        var tolerance = 0.0
        if let band, let declared, band.dataType.isFloatingPoint { tolerance = 1e-8 + 1e-5 * abs(declared) }
        self.tolerance = tolerance
    }

    /// Whether `value` is nodata.
    func isNodata(_ value: Double) -> Bool {
        if value.isNaN { return true }
        guard let nodata else { return false }
        return abs(value - nodata) <= tolerance
    }
}

/// Turns a zone cell's bit pattern (of its exact Double value) into a zone id: 0 for no zone,
/// −1 for an invalid value. Ids are whole numbers from 1 to 2^53, so Int32 and UInt32 rasters
/// and 9–12-digit administrative codes in Float64 rasters are used exactly.
struct ZoneKeyResolver {
    /// The largest zone id: every integer up to it is exact in `Double`.
    static let maximumZoneID = 9_007_199_254_740_992

    private let rule: ZoneNodataRule
    private var cache: [UInt64: Int] = [:]

    init(rule: ZoneNodataRule) {
        self.rule = rule
    }

    /// One diagnostic per invalid zone value (sorted by value), naming `zoneLayer`.
    static func diagnostics(_ invalid: [(value: Double, cells: Int)], zoneLayer: String?) -> [Diagnostic] {
        invalid.map { value, cells in
            Diagnostic(file: zoneLayer, message: "zone id \(describe(value)) in \(cells) cell\(cells == 1 ? "" : "s") is not a whole number from 1 to 2^53 (use 0 or nodata for no zone)")
        }
    }

    /// A zone value as written in messages: whole numbers without a decimal point.
    static func describe(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e18 ? String(Int64(value)) : "\(value)"
    }

    /// The zone id of a zone cell with bit pattern `key`.
    mutating func id(for key: UInt64) -> Int {
        if let id = cache[key] { return id }
        let value = Double(bitPattern: key)
        let id: Int
        if rule.isNodata(value) || value == 0 {
            id = 0
        } else if value >= 1, value <= Double(Self.maximumZoneID), value == value.rounded() {
            id = Int(value)
        } else {
            id = -1
        }
        cache[key] = id
        return id
    }
}

/// Adds band accumulators into grid and zone totals, in band order.
struct ZoneMerger<Record: ZoneRecord> {
    private var resolver: ZoneKeyResolver
    private var grid = Record.zero
    private var zones: [Int: Record] = [:]
    private var unzoned = Record.zero
    private var invalid: [UInt64: Int] = [:]
    private var unmatched: [UnmatchedValue: Int] = [:]

    init(zoneRule: ZoneNodataRule) {
        resolver = ZoneKeyResolver(rule: zoneRule)
    }

    /// Adds one band's records (in their order) and unmatched counts.
    mutating func merge(_ band: BandAccumulator<Record>) {
        for (key, record) in band.records {
            grid.add(record)
            let id = resolver.id(for: key)
            if id > 0 {
                zones[id, default: .zero].add(record)
            } else if id == 0 {
                unzoned.add(record)
            } else {
                invalid[key, default: 0] += record.cells
            }
        }
        for (value, count) in band.unmatched { unmatched[value, default: 0] += count }
    }

    /// The totals.
    var result: GridRun<Record> {
        let invalidValues = invalid.map { (value: Double(bitPattern: $0.key), cells: $0.value) }
            .sorted { ($0.value, $0.cells) < ($1.value, $1.cells) }
        let unmatchedValues = unmatched.map { (value: $0.key, cells: $0.value) }
            .sorted { ($0.value.layer, $0.value.value, $0.value.bits) < ($1.value.layer, $1.value.value, $1.value.bits) }
        return GridRun(grid: grid, zones: zones, unzoned: unzoned, invalidZoneValues: invalidValues, unmatched: unmatchedValues)
    }
}
