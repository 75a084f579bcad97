/// A cell value that a kernel could not match (a land-cover code missing from a table), by
/// input layer.
public struct UnmatchedValue: Hashable, Sendable {
    /// The kernel's index of the layer the value is in.
    public var layer: Int
    /// The value as stored.
    public var value: Float {
        Float(bitPattern: bits)
    }
    /// The value's bit pattern (so that NaN payloads and -0 stay distinct keys).
    let bits: UInt32

    init(layer: Int, value: Float) {
        self.layer = layer
        self.bits = value.bitPattern
    }
}

/// What a kernel produces for one band: per-row, per-zone records in a fixed order, and
/// counts of unmatched values.
///
/// Within a row, runs of cells with the same zone key are added to that key's row record;
/// `endRow()` appends the row's records in order of first appearance. The engine adds the
/// records to its totals in band order, so every sum is formed in the same order whatever the
/// band height or thread count.
public struct BandAccumulator<Record: ZoneRecord> {
    /// Row records in order: the zone key (the zone cell's bit pattern as Double) and the sums.
    private(set) var records: [(key: UInt64, record: Record)] = []
    /// Counts of unmatched values in this band.
    private(set) var unmatched: [UnmatchedValue: Int] = [:]

    private var rowKeys: [UInt64] = []
    private var rowRecords: [Record] = []
    private var rowIndex: [UInt64: Int] = [:]
    /// Rows with more distinct zones than this switch from a linear search to a dictionary.
    private static var linearLimit: Int { 16 }

    init() {}

    /// Adds the sums of a run of cells whose zone cell has bit pattern `zoneKey`.
    public mutating func add(_ run: Record, zoneKey: UInt64) {
        if rowKeys.count <= Self.linearLimit {
            for slot in rowKeys.indices where rowKeys[slot] == zoneKey {
                rowRecords[slot].add(run)
                return
            }
            rowKeys.append(zoneKey)
            rowRecords.append(run)
            if rowKeys.count > Self.linearLimit {
                for (slot, key) in rowKeys.enumerated() { rowIndex[key] = slot }
            }
        } else if let slot = rowIndex[zoneKey] {
            rowRecords[slot].add(run)
        } else {
            rowIndex[zoneKey] = rowKeys.count
            rowKeys.append(zoneKey)
            rowRecords.append(run)
        }
    }

    /// Closes the current row: appends its records and starts an empty row.
    public mutating func endRow() {
        for slot in rowKeys.indices { records.append((rowKeys[slot], rowRecords[slot])) }
        rowKeys.removeAll(keepingCapacity: true)
        rowRecords.removeAll(keepingCapacity: true)
        rowIndex.removeAll(keepingCapacity: true)
    }

    /// Counts one cell of `layer` whose value has no match (for example a land-cover code that
    /// is not in the table). Rare path: a dictionary update.
    public mutating func countUnmatched(layer: Int, value: Float) {
        unmatched[UnmatchedValue(layer: layer, value: value), default: 0] += 1
    }
}
