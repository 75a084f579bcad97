import Foundation
import GEPCore
import GEPRaster

/// A grid account recomputed for many coefficient sets (sensitivity designs, what-ifs): the
/// layers are opened and checked once (and decoded into memory when they fit), and each
/// recomputation folds only the per-cell parts whose per-class numbers changed.
///
/// The kernel has three independent parts (water, soil, carbon; see `GridAccountKernel`).
/// For a changed coefficient set the per-class numbers of each part are compared with those
/// of earlier folds: a part seen before reuses its sums; a part not seen before is folded
/// alone, reading only its own layers; prices and the other valuation coefficients only
/// re-price the sums. A recomputation is bit-identical to `GridAccountRunner.run` with the
/// same coefficients, because a part folded alone adds the same cell values in the same
/// band order as the full fold.
public final class IncrementalGridAccount: @unchecked Sendable {
    /// The part folds and reuses made so far.
    public struct Statistics: Sendable, Equatable {
        /// Accounts computed (the base included).
        public var accounts = 0
        /// Folds by part name (`water`, `soil`, `carbon`), the base's full fold included.
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
    private let baseSums: GridAccumulator
    private let lock = NSLock()
    private var cache: [GridParameters.PartKey: GridAccumulator] = [:]
    private var order: [GridParameters.PartKey] = []
    private var orderStart = 0
    private var cachedBytes = 0
    private var counts = Statistics()
    /// Bytes of part sums kept for reuse (oldest dropped first): enough for a Sobol' design's
    /// A matrix at N = 16,384 on a grid with ~100 classes and zones, so its A_B^(i) runs fold
    /// only the part that parameter i feeds.
    private let cacheLimit: Int

    /// A fraction of this machine's memory (a quarter) that layers may take when held in memory.
    public static var defaultResidentLimit: Int { Int(min(ProcessInfo.processInfo.physicalMemory / 4, UInt64(Int.max))) }

    /// Opens and checks the layers, decodes them into memory when they take at most
    /// `residentLimit` bytes as Float and will be folded again, and computes the base account
    /// on `threads` threads.
    ///
    /// - Parameter varying: the ids of the coefficients later calls will change, when known:
    ///   if none of them feeds the per-cell kernel (prices, soil contents…), no part is ever
    ///   folded again and the layers stay where they are.
    ///
    /// - Throws: as `GridAccountRunner.run`; also when `focus` names no zone set of the input or
    ///   a zone with no valid cells.
    public init(input: GridInput, classes: LandCoverClasses, coefficients: EffectiveCoefficients, priceBasis: PriceBasis? = nil,
                threads: Int, focus: GridZone? = nil, varying: Set<String>? = nil, residentLimit: Int = IncrementalGridAccount.defaultResidentLimit,
                cacheLimit: Int = 256 << 20, open: (String) throws(GEPError) -> any RasterBand) throws(GEPError) {
        let opened = try GridAccountLayers(input: input, open: open)
        var pricing = GridAccountPricing(input: input, classes: classes, coefficients: coefficients, priceBasis: priceBasis, layers: opened)
        let parameters = try pricing.reduce()
        // the coefficients the reduction looked up are exactly those the per-cell kernel reads
        let refolds = varying.map { !$0.isDisjoint(with: pricing.lookup.usage.keys) } ?? true
        isResident = refolds && opened.residentBytes <= residentLimit
        layers = isResident ? try opened.loadedIntoMemory(threads: threads) : opened
        baseSums = try layers.fold(parts: layers.choices.parts, parameters: parameters, threads: threads)
        base = try pricing.assemble(baseSums, focus: focus)
        self.focus = focus
        self.input = input
        self.classes = classes
        self.priceBasis = priceBasis
        self.cacheLimit = cacheLimit
        for part in GridAccountParts.each where layers.choices.parts.contains(part) {
            remember(parameters.key(part), baseSums)
            counts.folds[part.name, default: 0] += 1
        }
        counts.accounts = 1
    }

    /// The account with `coefficients`, folding on the calling thread only the parts whose
    /// per-class numbers have not been folded before. Safe to call from many threads at once.
    ///
    /// - Throws: missing coefficients or unit mismatches (as `GridAccountRunner.run`); a read
    ///   error of a layer that is not held in memory.
    public func account(coefficients: EffectiveCoefficients) throws(GEPError) -> GridAccount {
        var pricing = GridAccountPricing(input: input, classes: classes, coefficients: coefficients, priceBasis: priceBasis, layers: layers)
        let parameters = try pricing.reduce()
        var sums = baseSums
        for part in GridAccountParts.each where layers.choices.parts.contains(part) {
            let key = parameters.key(part)
            let folded: GridAccumulator
            if let known = cached(key) {
                folded = known
            } else {
                folded = try layers.fold(parts: part, parameters: parameters, threads: 1)
                remember(key, folded)
                lock.withLock { counts.folds[part.name, default: 0] += 1 }
            }
            sums.replace(part.quantities, from: folded)
        }
        lock.withLock { counts.accounts += 1 }
        return try pricing.assemble(sums, focus: focus)
    }

    /// The folds and reuses so far.
    public var statistics: Statistics { lock.withLock { counts } }

    private func cached(_ key: GridParameters.PartKey) -> GridAccumulator? { lock.withLock { cache[key] } }

    private func remember(_ key: GridParameters.PartKey, _ sums: GridAccumulator) {
        let bytes = sums.byteCount + key.values.count * MemoryLayout<Float>.size
        lock.withLock {
            guard cache[key] == nil else { return }
            cache[key] = sums
            order.append(key)
            cachedBytes += bytes
            while cachedBytes > cacheLimit && orderStart < order.count - 1 {
                let oldest = order[orderStart]
                cachedBytes -= cache[oldest]!.byteCount + oldest.values.count * MemoryLayout<Float>.size
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
