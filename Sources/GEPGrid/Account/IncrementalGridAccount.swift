import Foundation
import GEPCore
import GEPRaster

/// A grid account recomputed for many coefficient sets (sensitivity designs, what-ifs): the
/// layers are opened and checked once (and decoded into memory when they fit), and each
/// recomputation folds again only the water part, and only when its per-class numbers
/// (runoff coefficients, Fu–Budyko's Kc, root depths, Z) changed.
///
/// Every other driver is linear in its coefficients (`CellDriver`), so the other coefficients
/// and the prices only rebuild the account from the same sums. A recomputation is
/// bit-identical to `GridAccountRunner.run` with the same coefficients, because the water part
/// folded alone adds the same cell values in the same row order as the full fold.
public final class IncrementalGridAccount: @unchecked Sendable {
    /// The folds and reuses made so far.
    public struct Statistics: Sendable, Equatable {
        /// Accounts computed (the base included).
        public var accounts = 0
        /// Folds by part name (`all` for the base's full fold, `water` for the water part alone).
        public var folds: [String: Int] = [:]
    }

    /// The account with the coefficients given at creation.
    public let base: GridAccount
    /// True when the layers were decoded into memory once.
    public let isResident: Bool
    /// The zone every account is focused on (its `account` is that zone's), or nil for the whole grid.
    public let focus: GridZone?
    private let input: GridInput
    private let classes: LandCoverClasses
    private let priceBasis: PriceBasis?
    private let layers: GridAccountLayers
    private let baseSums: DriverSums
    private let lock = NSLock()
    private var cache: [[Double]: DriverSums] = [:]
    private var order: [[Double]] = []
    private var orderStart = 0
    private var cachedBytes = 0
    private var counts = Statistics()
    /// Bytes of water sums kept for reuse (oldest dropped first).
    private let cacheLimit: Int

    /// A fraction of this machine's memory (a quarter) that layers may take when held in memory.
    public static var defaultResidentLimit: Int { Int(min(ProcessInfo.processInfo.physicalMemory / 4, UInt64(Int.max))) }

    /// Opens and checks the layers, decodes them into memory when they take at most
    /// `residentLimit` bytes as Float and the water part will be folded again, and computes
    /// the base account on `threads` threads.
    ///
    /// - Parameter varying: the ids of the coefficients later calls will change, when known:
    ///   if none of them feeds the water part, nothing is ever folded again and the layers stay
    ///   where they are.
    ///
    /// - Throws: as `GridAccountRunner.run`; also when `focus` names no zone set of the input or
    ///   a zone with no valid cells.
    public init(input: GridInput, classes: LandCoverClasses, coefficients: EffectiveCoefficients, priceBasis: PriceBasis? = nil,
                threads: Int, focus: GridZone? = nil, varying: Set<String>? = nil, residentLimit: Int = IncrementalGridAccount.defaultResidentLimit,
                cacheLimit: Int = 256 << 20, open: (String) throws(GEPError) -> any RasterBand) throws(GEPError) {
        let opened = try GridAccountLayers(input: input, open: open)
        let pricing = GridAccountPricing(input: input, classes: classes, coefficients: coefficients, layers: opened, priceBasis: priceBasis)
        let plan = try pricing.plan()
        var refolds = opened.waterMethod != nil
        if let varying { refolds = refolds && !varying.isDisjoint(with: plan.waterCoefficients) }
        isResident = refolds && opened.residentBytes <= residentLimit
        layers = isResident ? try opened.loadedIntoMemory(threads: threads) : opened
        baseSums = try layers.fold(plan: plan, engine: GridEngine(threadCount: threads))
        base = try pricing.assemble(baseSums, plan: plan, focus: focus)
        self.focus = focus
        self.input = input
        self.classes = classes
        self.priceBasis = priceBasis
        self.cacheLimit = cacheLimit
        remember(plan.waterKey, baseSums)
        counts.folds["all"] = 1
        counts.accounts = 1
    }

    /// The account with `coefficients`, folding on the calling thread the water part only when
    /// its per-class numbers have not been folded before. Safe to call from many threads at once.
    ///
    /// - Throws: missing coefficients or unit mismatches (as `GridAccountRunner.run`); a read
    ///   error of a layer that is not held in memory.
    public func account(coefficients: EffectiveCoefficients) throws(GEPError) -> GridAccount {
        let pricing = GridAccountPricing(input: input, classes: classes, coefficients: coefficients, layers: layers, priceBasis: priceBasis)
        let plan = try pricing.plan()
        var sums = baseSums
        if plan.water != nil {
            let key = plan.waterKey
            let folded: DriverSums
            if let known = cached(key) {
                folded = known
            } else {
                folded = try layers.fold(plan: plan, engine: GridEngine(threadCount: 1), waterOnly: true)
                remember(key, folded)
                lock.withLock { counts.folds["water", default: 0] += 1 }
            }
            sums.replace([DriverPlan.retainedSlot, DriverPlan.yieldSlot], from: folded)
        }
        lock.withLock { counts.accounts += 1 }
        return try pricing.assemble(sums, plan: plan, focus: focus)
    }

    /// The folds and reuses so far.
    public var statistics: Statistics { lock.withLock { counts } }

    private func cached(_ key: [Double]) -> DriverSums? { lock.withLock { cache[key] } }

    private func remember(_ key: [Double], _ sums: DriverSums) {
        let bytes = sums.byteCount + key.count * MemoryLayout<Double>.size
        lock.withLock {
            guard cache[key] == nil else { return }
            cache[key] = sums
            order.append(key)
            cachedBytes += bytes
            while cachedBytes > cacheLimit && orderStart < order.count - 1 {
                let oldest = order[orderStart]
                cachedBytes -= cache[oldest]!.byteCount + oldest.count * MemoryLayout<Double>.size
                cache[oldest] = nil
                orderStart += 1
            }
            if orderStart > 4096 && orderStart * 2 > order.count {   // drop evicted keys from the queue now and then
                order.removeFirst(orderStart)
                orderStart = 0
            }
        }
    }
}
