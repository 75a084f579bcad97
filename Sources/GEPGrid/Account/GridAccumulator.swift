/// Double sums of the grid account's per-cell quantities, by land-cover class and by zone,
/// for one band of rows or for the whole grid. Partials merge by addition in a fixed (band)
/// order, so totals do not depend on the thread count.
struct GridAccumulator: Sendable {
    /// The quantities summed for every class and zone.
    enum Quantity: Int, CaseIterable {
        /// Cells with a mapped land-cover code.
        case cells
        /// Water conserved, m³.
        case waterConserved
        /// Water yield P − ET, m³ (all cells with valid water inputs).
        case waterYield
        /// Soil retained, t.
        case soilRetained
        /// CO₂ sequestered, t.
        case carbon
    }
    static let width = Quantity.allCases.count

    /// Sums by lucode: `classCount × width`.
    var byClass: [Double]
    /// Per zone set: sums by zone id (0 = outside every zone).
    var zones: [[Int32: [Double]]]
    /// Cells skipped: nodata or NaN land cover, or a code missing from the classes table (by code).
    var unmappedCodes: [Int32: Int] = [:]
    /// Cells whose land cover is valid but a required input layer is nodata.
    var nodataCells = 0

    init(classCount: Int, zoneSets: Int) {
        byClass = Array(repeating: 0, count: classCount * Self.width)
        zones = Array(repeating: [:], count: zoneSets)
    }

    /// Adds `other` into this one (call in band order).
    mutating func merge(_ other: GridAccumulator) {
        for i in byClass.indices { byClass[i] += other.byClass[i] }
        for set in zones.indices {
            for (id, sums) in other.zones[set] {
                if var mine = zones[set][id] {
                    for q in 0..<Self.width { mine[q] += sums[q] }
                    zones[set][id] = mine
                } else {
                    zones[set][id] = sums
                }
            }
        }
        for (code, count) in other.unmappedCodes { unmappedCodes[code, default: 0] += count }
        nodataCells += other.nodataCells
    }

    /// Takes `quantities` from `other`, a fold of the same grid and classes (so with the same
    /// zone ids); every other sum stays.
    mutating func replace(_ quantities: [Quantity], from other: GridAccumulator) {
        let width = Self.width
        for row in 0..<(byClass.count / width) {
            for q in quantities { byClass[row * width + q.rawValue] = other.byClass[row * width + q.rawValue] }
        }
        for set in zones.indices {
            for (id, var sums) in zones[set] {
                guard let theirs = other.zones[set][id] else { continue }
                for q in quantities { sums[q.rawValue] = theirs[q.rawValue] }
                zones[set][id] = sums
            }
        }
    }

    /// Approximate bytes held (sums and zone ids).
    var byteCount: Int {
        let zoneEntries = zones.reduce(0) { $0 + $1.count }
        return (byClass.count + zoneEntries * Self.width) * MemoryLayout<Double>.size + zoneEntries * 48
    }

    /// Total of one quantity over all classes.
    func total(_ quantity: Quantity) -> Double {
        var sum = 0.0
        var index = quantity.rawValue
        while index < byClass.count { sum += byClass[index]; index += Self.width }
        return sum
    }
}
