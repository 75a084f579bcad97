/// What one band of the grid account's kernel adds up, row by row: for every row, one record
/// per land-cover class present and one per (zone set, zone, class) present, each with the
/// class's `DriverPlan.width` slot sums over that row's cells.
///
/// `DriverSums.add(_:)` adds the records in order, so every total is formed row by row from
/// the top of the grid, whatever the band height or the thread count.
struct DriverRows {
    /// A zone record's key.
    struct ZoneKey {
        var set: Int32
        var code: Int32
        var id: Int
    }

    /// Class of each class record, rows in order.
    var classCodes: [Int32] = []
    /// `width` sums per class record.
    var classValues: [Double] = []
    /// Key of each zone record, rows in order.
    var zoneKeys: [ZoneKey] = []
    /// `width` sums per zone record.
    var zoneValues: [Double] = []
    /// Key of each zone water-yield record (`code` −1), rows in order: the zone's yield depth
    /// summed over its runs of cells in the row, as `gep water-yield` sums it.
    var yieldKeys: [ZoneKey] = []
    /// The yield depth sum of each zone water-yield record, mm.
    var yieldValues: [Double] = []
    /// Per zone set, zone values that are not usable ids (by bit pattern) with the cells of a
    /// mapped class they hold.
    var invalid: [[UInt64: Int]]
    /// Land-cover codes not in the classes table, with cell counts (`Int32.min`: NaN).
    var unmappedCodes: [Int32: Int] = [:]
    /// Cells with a valid class but a layer at nodata that one of their drivers needs.
    var nodataCells = 0

    init(zoneSets: Int) {
        invalid = Array(repeating: [:], count: zoneSets)
    }

    /// Empties the records, keeping the arrays' storage for the next band.
    mutating func removeAll() {
        classCodes.removeAll(keepingCapacity: true)
        classValues.removeAll(keepingCapacity: true)
        zoneKeys.removeAll(keepingCapacity: true)
        zoneValues.removeAll(keepingCapacity: true)
        yieldKeys.removeAll(keepingCapacity: true)
        yieldValues.removeAll(keepingCapacity: true)
        for set in invalid.indices { invalid[set].removeAll() }
        unmappedCodes.removeAll()
        nodataCells = 0
    }
}

extension DriverSums {
    /// Adds one band's rows (call in band order).
    mutating func add(_ rows: DriverRows) {
        let w = width
        byClass.withUnsafeMutableBufferPointer { total in
            rows.classValues.withUnsafeBufferPointer { values in
                for (record, code) in rows.classCodes.enumerated() {
                    let target = Int(code) * w, source = record * w
                    for s in 0..<w { total[target + s] += values[source + s] }
                }
            }
        }
        let stride = classCount * w
        var last: (set: Int32, id: Int, offset: Int) = (-1, 0, 0)
        for (record, key) in rows.zoneKeys.enumerated() {
            if key.set != last.set || key.id != last.id {
                last = (key.set, key.id, zones[Int(key.set)].offset(of: key.id, stride: stride))
            }
            let target = last.offset + Int(key.code) * w, source = record * w
            rows.zoneValues.withUnsafeBufferPointer { values in
                zones[Int(key.set)].sums.withUnsafeMutableBufferPointer { total in
                    for s in 0..<w { total[target + s] += values[source + s] }
                }
            }
        }
        for (key, value) in zip(rows.yieldKeys, rows.yieldValues) {
            let set = Int(key.set)
            _ = zones[set].offset(of: key.id, stride: stride)
            zones[set].yield[zones[set].index[key.id]!] += value
        }
        for (set, invalid) in rows.invalid.enumerated() {
            for (key, count) in invalid { zones[set].invalid[key, default: 0] += count }
        }
        for (code, count) in rows.unmappedCodes { unmappedCodes[code, default: 0] += count }
        nodataCells += rows.nodataCells
    }
}
