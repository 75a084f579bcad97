/// Double sums of the grid kernel's per-cell slots (cells and raw driver values) by land-cover
/// class, and by zone and class for every zone set, over the whole grid: the bands' row
/// records (`DriverRows`) added in row order, so totals do not depend on the band height or
/// the thread count.
struct DriverSums: Sendable {
    /// Slots per class: `DriverPlan.slots`.
    let width: Int
    /// Classes (one more than the largest mapped lucode).
    let classCount: Int
    /// Sums by lucode: `classCount × width`.
    var byClass: [Double]
    /// Per zone set: zone ids in order of first appearance and their `classCount × width` sums
    /// (id 0: cells outside every zone).
    var zones: [ZoneSums]
    /// Land-cover codes not in the classes table, with cell counts (`Int32.min`: NaN).
    var unmappedCodes: [Int32: Int] = [:]
    /// Cells with a valid class but a layer at nodata that one of their drivers needs.
    var nodataCells = 0

    /// The sums of one zone set.
    struct ZoneSums: Sendable {
        /// Zone ids in order of first appearance.
        var ids: [Int] = []
        /// Index of each id in `ids`.
        var index: [Int: Int] = [:]
        /// `ids.count × classCount × width` sums.
        var sums: [Double] = []
        /// Per zone (`ids` order), the water-yield depth summed in `gep water-yield`'s order, mm.
        var yield: [Double] = []
        /// Zone values that are not usable ids, by bit pattern, with cell counts.
        var invalid: [UInt64: Int] = [:]

        /// The offset of `id`'s sums, adding the zone if new.
        mutating func offset(of id: Int, stride: Int) -> Int {
            if let known = index[id] { return known * stride }
            index[id] = ids.count
            ids.append(id)
            sums.append(contentsOf: repeatElement(0, count: stride))
            yield.append(0)
            return (ids.count - 1) * stride
        }
    }

    init(classCount: Int, width: Int, zoneSets: Int) {
        self.width = width
        self.classCount = classCount
        byClass = Array(repeating: 0, count: classCount * width)
        zones = Array(repeating: ZoneSums(), count: zoneSets)
    }

    /// Takes the slots `slots` from `other`, a fold of the same grid and classes; every other
    /// sum stays.
    mutating func replace(_ slots: [Int], from other: DriverSums) {
        for row in 0..<classCount {
            for s in slots { byClass[row * width + s] = other.byClass[row * width + s] }
        }
        let stride = classCount * width
        for set in zones.indices {
            for (position, id) in zones[set].ids.enumerated() {
                guard let theirs = other.zones[set].index[id] else { continue }
                for row in 0..<classCount {
                    for s in slots { zones[set].sums[position * stride + row * width + s] = other.zones[set].sums[theirs * stride + row * width + s] }
                }
                if slots.contains(DriverPlan.yieldSlot) { zones[set].yield[position] = other.zones[set].yield[theirs] }
            }
        }
    }

    /// Approximate bytes held.
    var byteCount: Int {
        (byClass.count + zones.reduce(0) { $0 + $1.sums.count }) * MemoryLayout<Double>.size + zones.reduce(0) { $0 + $1.ids.count * 64 }
    }

    /// The slot sums of one class.
    func classSlots(_ code: Int) -> ArraySlice<Double> { byClass[(code * width)..<((code + 1) * width)] }

    /// The slot sums of one class in one zone.
    func zoneSlots(set: Int, position: Int, code: Int) -> ArraySlice<Double> {
        let start = position * classCount * width + code * width
        return zones[set].sums[start..<(start + width)]
    }
}
