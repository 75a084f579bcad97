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
    /// Zone cells whose value is not a usable id (not an integer in 1…16,777,216), with
    /// their cell counts, by value.
    public var invalidZoneValues: [(value: Float, cells: Int)]
    /// Cells the kernel could not match, with counts, sorted by layer then value.
    public var unmatched: [(value: UnmatchedValue, cells: Int)]

    /// One diagnostic per invalid zone value, naming `zoneLayer`.
    public func zoneDiagnostics(zoneLayer: String) -> [Diagnostic] {
        ZoneKeyResolver.diagnostics(invalidZoneValues, zoneLayer: zoneLayer)
    }
}

/// Turns a zone cell's bit pattern into a zone id: 0 for no zone, −1 for an invalid value.
struct ZoneKeyResolver {
    /// The largest zone id: every integer up to it is exact in `Float`.
    static let maximumZoneID = 16_777_216

    private let rule: NodataRule
    private var cache: [UInt32: Int] = [:]

    init(rule: NodataRule) {
        self.rule = rule
    }

    /// One diagnostic per invalid zone value (sorted by value), naming `zoneLayer`.
    static func diagnostics(_ invalid: [(value: Float, cells: Int)], zoneLayer: String?) -> [Diagnostic] {
        invalid.map { value, cells in
            Diagnostic(file: zoneLayer, message: "zone id \(LandCoverCode.describe(value)) in \(cells) cell\(cells == 1 ? "" : "s") is not an integer from 1 to \(maximumZoneID) (use 0 or nodata for no zone)")
        }
    }

    /// The zone id of a zone cell with bit pattern `key`.
    mutating func id(for key: UInt32) -> Int {
        if let id = cache[key] { return id }
        let value = Float(bitPattern: key)
        let id: Int
        if rule.isNodata(value) || value == 0 {
            id = 0
        } else if value >= 1, value <= Float(Self.maximumZoneID), value == value.rounded() {
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
    private var invalid: [UInt32: Int] = [:]
    private var unmatched: [UnmatchedValue: Int] = [:]

    init(zoneRule: NodataRule) {
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
        let invalidValues = invalid.map { (value: Float(bitPattern: $0.key), cells: $0.value) }
            .sorted { ($0.value, $0.cells) < ($1.value, $1.cells) }
        let unmatchedValues = unmatched.map { (value: $0.key, cells: $0.value) }
            .sorted { ($0.value.layer, $0.value.value, $0.value.bits) < ($1.value.layer, $1.value.value, $1.value.bits) }
        return GridRun(grid: grid, zones: zones, unzoned: unzoned, invalidZoneValues: invalidValues, unmatched: unmatchedValues)
    }
}
