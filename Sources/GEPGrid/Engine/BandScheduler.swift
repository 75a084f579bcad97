import Foundation
import GEPCore

/// Hands out bands to workers and merges finished bands' partials strictly in band order.
///
/// Workers claim bands in increasing order but never more than `window` bands beyond the
/// next one to merge, so at most `window` finished-but-unmerged bands (and their output
/// buffers) exist at once. The thread that finishes the next band in order merges it and
/// any consecutive finished bands after it, delivering their output rows in row order.
final class BandScheduler<Fold: BandFold>: @unchecked Sendable {
    private let condition = NSCondition()
    private let bandCount: Int
    private let window: Int
    private var nextClaim = 0
    private var nextMerge = 0
    private var pending: [Int: (partial: Fold.Partial, outputs: OutputBlock?)] = [:]
    private var merging = false
    private var failure: (band: Int, error: GEPError)?
    private var freeBlocks: [OutputBlock] = []
    private var freePartials: [Fold.Partial] = []
    private var allBlocks: [OutputBlock] = []
    private let outputCapacity: Int
    private let outputCount: Int
    // Touched only by the merging thread, which `merging` makes exclusive.
    private let fold: Fold
    private var total: Fold.Total
    private let deliver: GridRowsHandler?
    private let rowsOfBand: (Int) -> Range<Int>
    private let width: Int

    /// The per-cell output buffers of one band.
    struct OutputBlock {
        let storage: UnsafeMutableBufferPointer<Float>
    }

    init(fold: Fold, bandCount: Int, window: Int, width: Int, bandHeight: Int,
         rowsOfBand: @escaping (Int) -> Range<Int>, deliver: GridRowsHandler?) {
        self.bandCount = bandCount
        self.window = window
        self.width = width
        self.outputCount = deliver == nil ? 0 : fold.outputCount
        self.outputCapacity = bandHeight * width
        self.fold = fold
        self.total = fold.makeTotal()
        self.rowsOfBand = rowsOfBand
        self.deliver = deliver
    }

    deinit {
        for block in allBlocks { block.storage.deallocate() }
    }

    /// The next band to compute, waiting while the window is full; `nil` when all bands are
    /// claimed or the run failed.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if failure != nil || nextClaim >= bandCount { return nil }
            if nextClaim < nextMerge + window {
                nextClaim += 1
                return nextClaim - 1
            }
            condition.wait()
        }
    }

    /// An empty partial for one band: a merged one emptied (`BandFold.clear`), so its storage is
    /// reused, or a new one.
    func partial() -> Fold.Partial {
        condition.lock()
        let merged = freePartials.popLast()
        condition.unlock()
        guard var merged else { return fold.makePartial() }
        fold.clear(&merged)
        return merged
    }

    /// Output buffers for one band (`outputCount` × band capacity), reused across bands;
    /// `nil` when no outputs are wanted.
    func outputBlock() -> OutputBlock? {
        guard outputCount > 0 else { return nil }
        condition.lock()
        defer { condition.unlock() }
        if let block = freeBlocks.popLast() { return block }
        let block = OutputBlock(storage: .allocate(capacity: outputCount * outputCapacity))
        allBlocks.append(block)
        return block
    }

    /// The buffers of `block` for a band of `cells` cells.
    func buffers(of block: OutputBlock?, cells: Int) -> [UnsafeMutableBufferPointer<Float>] {
        guard let block else { return [] }
        return (0..<outputCount).map { index in
            UnsafeMutableBufferPointer(rebasing: block.storage[(index * outputCapacity)..<(index * outputCapacity + cells)])
        }
    }

    /// Records a failed band; the run stops claiming and the earliest failed band's error wins.
    func fail(band: Int, error: GEPError) {
        condition.lock()
        if failure.map({ band < $0.band }) ?? true { failure = (band, error) }
        condition.broadcast()
        condition.unlock()
    }

    /// Stores a finished band and, if no other thread is merging, merges every finished band
    /// that is next in order.
    func complete(band: Int, partial: Fold.Partial, outputs: OutputBlock?) {
        condition.lock()
        pending[band] = (partial, outputs)
        guard !merging else {
            condition.unlock()
            return
        }
        merging = true
        while failure == nil, let item = pending.removeValue(forKey: nextMerge) {
            let index = nextMerge
            condition.unlock()
            let error = mergeAndDeliver(band: index, item.partial, item.outputs)
            condition.lock()
            if let block = item.outputs { freeBlocks.append(block) }
            freePartials.append(item.partial)
            if let error, failure.map({ index < $0.band }) ?? true { failure = (index, error) }
            nextMerge += 1
            condition.broadcast()
        }
        merging = false
        condition.unlock()
    }

    private func mergeAndDeliver(band: Int, _ partial: Fold.Partial, _ outputs: OutputBlock?) -> GEPError? {
        fold.merge(partial, into: &total)
        guard let deliver, let outputs else { return nil }
        let rows = rowsOfBand(band)
        let buffers = buffers(of: outputs, cells: rows.count * width).map { UnsafeBufferPointer($0) }
        do {
            try deliver(GridRows(rows: rows, width: width, outputs: buffers))
            return nil
        } catch {
            return error
        }
    }

    /// The merged totals, or the error of the earliest failed band.
    func finish() throws(GEPError) -> Fold.Total {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure.error }
        precondition(nextMerge == bandCount, "BandScheduler: \(nextMerge) of \(bandCount) bands merged")
        return total
    }
}
