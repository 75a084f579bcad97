import Dispatch
import Foundation
import GEPCore
import GEPRaster

/// Streams aligned raster layers in row bands through a kernel on several threads, with
/// results that are bit-identical for any thread count and band height.
///
/// A run checks that every layer (and the zone layer) has the first layer's `GridGeometry`,
/// splits the grid into bands of `bandHeight` rows, and runs `threadCount` workers under
/// `DispatchQueue.concurrentPerform`. Each worker owns scratch buffers for one band of every
/// layer, decodes the band's rows into them (layers already in memory, `InMemoryBand` and
/// `ESRIASCIIBand`, are used in place), runs the kernel's fused per-cell loop and produces a
/// `BandAccumulator`. Bands are merged in band order (a bounded reorder window of
/// 2 × threads bands), and per-cell output rows are delivered in row order.
///
/// Memory: threads × (layers + 1) × bandHeight × width Floats of scratch, plus, when outputs
/// are wanted, up to 2 × threads bands of output buffers (the reorder window); never the whole grid.
public struct GridEngine: Sendable {
    /// Worker threads, at least 1.
    public var threadCount: Int
    /// Rows per band; `nil` derives it from the layers' block heights (see `bandHeight(for:)`).
    public var bandHeight: Int?

    /// The band height aimed for when none is set: 256 rows.
    public static let defaultBandHeight = 256

    /// Creates an engine.
    ///
    /// - Parameters:
    ///   - threadCount: Worker threads; clamped to at least 1. Defaults to the active processors.
    ///   - bandHeight: Rows per band; `nil` to derive it from the layers.
    public init(threadCount: Int = ProcessInfo.processInfo.activeProcessorCount, bandHeight: Int? = nil) {
        self.threadCount = max(1, threadCount)
        self.bandHeight = bandHeight.map { max(1, $0) }
    }

    /// The band height used for `layers`: `bandHeight` if set, otherwise the largest multiple
    /// of the layers' common block height (their least common multiple, or the largest block
    /// height when that multiple exceeds 1024 rows) that is at most 256 rows, and at least one
    /// block. Never more than the grid's height.
    public func bandHeight(for layers: [any RasterBand]) -> Int {
        let gridHeight = max(1, layers.first?.geometry.height ?? 1)
        if let bandHeight { return min(bandHeight, gridHeight) }
        let heights = layers.map { max(1, $0.blockHeight) }
        var block = 1
        for height in heights where block <= 1024 { block = lcm(block, height) }
        if block > 1024 { block = heights.max() ?? 1 }
        return min(block * max(1, Self.defaultBandHeight / block), gridHeight)
    }

    /// Runs `kernel` over aligned `layers`.
    ///
    /// - Parameters:
    ///   - kernel: The per-cell computation.
    ///   - layers: The kernel's input layers, in the order it expects.
    ///   - zones: Optional zone ids (integers ≥ 1; 0 or nodata for no zone), aligned with the layers.
    ///   - output: When given, receives the kernel's per-cell outputs, band by band in row order.
    ///   - roles: For each layer, the `GridLayers` role whose domain its cells must lie in
    ///     (`nil`: none); cells outside are counted as the bands are read.
    /// - Returns: Grid and per-zone totals, invalid zone values and unmatched values.
    /// - Throws: `.invalidData` naming each misaligned layer and difference (before any work),
    ///   or each layer with cells outside its role's domain (after the pass; output rows already
    ///   delivered must then be discarded); otherwise the first error (in band order) from a
    ///   layer read or from `output`.
    public func run<Kernel: GridKernel>(_ kernel: Kernel, layers: [any RasterBand], zones: (any RasterBand)? = nil,
                                        output: GridRowsHandler? = nil, roles: [String?] = []) throws(GEPError) -> GridRun<Kernel.Record> {
        precondition(!layers.isEmpty, "GridEngine.run needs at least one layer")
        let all = layers + (zones.map { [$0] } ?? [])
        try GridAlignment.check(all)
        let geometry = layers[0].geometry
        let width = geometry.width, height = geometry.height
        let bandHeight = self.bandHeight(for: all)
        let bandCount = width == 0 ? 0 : (height + bandHeight - 1) / bandHeight
        let rowsOfBand: @Sendable (Int) -> Range<Int> = { band in
            (band * bandHeight)..<min(height, (band + 1) * bandHeight)
        }
        let workers = max(1, min(threadCount, bandCount))
        let scheduler = BandScheduler<Kernel.Record>(
            bandCount: bandCount, window: 2 * workers, width: width, outputCount: kernel.outputCount,
            bandHeight: bandHeight, zoneRule: zones.map { NodataRule(band: $0) } ?? NodataRule(nodata: nil, isFloatingPoint: true),
            rowsOfBand: rowsOfBand, deliver: output)
        let capacity = bandHeight * width
        let outside = OutsideDomainTally(layers.indices.map { (roles.indices.contains($0) ? roles[$0] : nil, layers[$0]) })
        ResidentLayers.with(all) { resident in
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let scratch = UnsafeMutableBufferPointer<Float>.allocate(capacity: (layers.count + 1) * capacity)
                defer { scratch.deallocate() }
                let zoneScratch = UnsafeMutableBufferPointer(rebasing: scratch[(layers.count * capacity)...])
                if zones == nil { zoneScratch.initialize(repeating: 0) }
                while let band = scheduler.claim() {
                    let rows = rowsOfBand(band)
                    let cells = rows.count * width
                    do throws(GEPError) {
                        var inputs: [UnsafeBufferPointer<Float>] = []
                        inputs.reserveCapacity(layers.count)
                        for (index, layer) in layers.enumerated() {
                            if let values = resident.rows(rows, of: index, width: width) {
                                inputs.append(values)
                                continue
                            }
                            let buffer = UnsafeMutableBufferPointer(rebasing: scratch[(index * capacity)..<(index * capacity + cells)])
                            try layer.read(rows: rows, into: buffer)
                            inputs.append(UnsafeBufferPointer(buffer))
                        }
                        var zoneValues = UnsafeBufferPointer(rebasing: zoneScratch[..<cells])
                        if let zones {
                            if let values = resident.rows(rows, of: layers.count, width: width) {
                                zoneValues = values
                            } else {
                                let buffer = UnsafeMutableBufferPointer(rebasing: zoneScratch[..<cells])
                                try zones.read(rows: rows, into: buffer)
                            }
                        }
                        outside.count(cells: cells) { inputs[$0].baseAddress! }
                        let block = scheduler.outputBlock()
                        var accumulator = BandAccumulator<Kernel.Record>()
                        kernel.process(GridBand(rows: rows, width: width, layers: inputs, zones: zoneValues,
                                                outputs: scheduler.buffers(of: block, cells: cells)),
                                       into: &accumulator)
                        scheduler.complete(band: band, accumulator: accumulator, outputs: block)
                    } catch {
                        scheduler.fail(band: band, error: error)
                    }
                }
            }
        }
        let result = try scheduler.finish()
        try outside.throwIfOutside()
        return result
    }
}

/// Least common multiple of two positive integers.
private func lcm(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return a / x * b
}
