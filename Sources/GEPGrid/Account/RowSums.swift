/// Scratch sums of one row: `width` Doubles per slot (a class, or a zone and class), and the
/// slots touched in order of first touch, so a row's records come out in a fixed order and
/// only the touched slots are cleared.
struct RowSums {
    private(set) var slots: Int
    let width: Int
    private var sums: UnsafeMutablePointer<Double>
    private var touched: UnsafeMutablePointer<Int32>
    private var used: UnsafeMutablePointer<Bool>
    private var touchedCount = 0

    init(slots: Int, width: Int) {
        self.slots = max(1, slots)
        self.width = width
        sums = .allocate(capacity: self.slots * width)
        sums.initialize(repeating: 0, count: self.slots * width)
        touched = .allocate(capacity: self.slots)
        used = .allocate(capacity: self.slots)
        used.initialize(repeating: false, count: self.slots)
    }

    func deallocate() {
        sums.deallocate()
        touched.deallocate()
        used.deallocate()
    }

    /// Grows to at least `count` slots, keeping the sums so far.
    mutating func reserve(slots count: Int) {
        guard count > slots else { return }
        let grown = max(count, 2 * slots)
        let newSums = UnsafeMutablePointer<Double>.allocate(capacity: grown * width)
        newSums.initialize(repeating: 0, count: grown * width)
        newSums.update(from: sums, count: slots * width)
        let newTouched = UnsafeMutablePointer<Int32>.allocate(capacity: grown)
        newTouched.update(from: touched, count: touchedCount)
        let newUsed = UnsafeMutablePointer<Bool>.allocate(capacity: grown)
        newUsed.initialize(repeating: false, count: grown)
        newUsed.update(from: used, count: slots)
        deallocate()
        (sums, touched, used, slots) = (newSums, newTouched, newUsed, grown)
    }

    /// Adds `width` values to `slot`'s sums.
    @inline(__always)
    mutating func add(_ values: UnsafePointer<Double>, to slot: Int) {
        if !used[slot] {
            used[slot] = true
            touched[touchedCount] = Int32(slot)
            touchedCount += 1
        }
        let target = sums + slot * width
        for s in 0..<width { target[s] += values[s] }
    }

    /// Hands every touched slot's sums to `body` in order of first touch, then clears them.
    mutating func flush(_ body: (Int, UnsafePointer<Double>) -> Void) {
        for k in 0..<touchedCount {
            let slot = Int(touched[k])
            let target = sums + slot * width
            body(slot, UnsafePointer(target))
            target.update(repeating: 0, count: width)
            used[slot] = false
        }
        touchedCount = 0
    }
}
