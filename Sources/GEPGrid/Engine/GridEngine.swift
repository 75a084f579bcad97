import Dispatch
import Foundation
import GEPCore
import GEPRaster

/// Streams aligned raster layers in row bands through a computation on several threads, with
/// results that are bit-identical for any thread count and band height: the one engine of
/// every grid command (water yield, carbon, the grid account and its scenarios and sensitivity runs).
///
/// A run checks that every layer has the first layer's `GridGeometry`, splits the grid into
/// bands of `bandHeight(for:)` rows, and runs `threadCount` workers under
/// `DispatchQueue.concurrentPerform`. Each worker claims the next band, decodes its rows of
/// every layer into scratch buffers (layers already in memory, `InMemoryBand` and
/// `ESRIASCIIBand`, are used in place) and folds it into a partial (`BandFold`: a
/// `GridKernel`'s zone records, or the grid account's row records). `BandScheduler` merges the
/// partials in band order within a bounded window of 2 × threads bands, and delivers per-cell
/// output rows in row order.
///
/// Memory: threads × bandHeight × width × (4 bytes per layer + 8 per zone layer) of scratch,
/// touched only for layers read from files (layers in memory are used in place, zone layers
/// among them scanned on their Float bits, `ZoneRows`), plus at most 2 × threads
/// band partials and, when outputs are wanted, their output buffers; never the whole grid.
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
        let zoneLayers = zones.map { [$0] } ?? []
        let capacity = zones == nil ? bandHeight(for: layers) * layers[0].geometry.width : 0
        let fold = ZoneFold(kernel: kernel, zoneRule: ZoneNodataRule(band: zones),
                            noZones: [Double](repeating: 0, count: capacity))
        return try stream(fold, layers: layers, zones: zoneLayers, output: output, roles: roles).result
    }

    /// Streams aligned `layers` and `zones` through `fold` (zone layers exactly as Double,
    /// `ZoneRows`): bands of `bandHeight(for: layers + zones)` rows,
    /// claimed by `threadCount` workers in increasing order, their partials merged into the
    /// total in band order by `BandScheduler` (at most 2 × workers bands outstanding).
    ///
    /// - Parameters:
    ///   - roles: For each layer, the `GridLayers` role whose domain its cells must lie in
    ///     (`nil` or absent: none); cells outside are counted as the bands are read.
    /// - Throws: as `run`.
    func stream<Fold: BandFold>(_ fold: Fold, layers: [any RasterBand], zones: [any RasterBand] = [], output: GridRowsHandler? = nil,
                                roles: [String?] = []) throws(GEPError) -> Fold.Total {
        precondition(!layers.isEmpty, "GridEngine.stream needs at least one layer")
        try GridAlignment.check(layers + zones)
        let geometry = layers[0].geometry
        let width = geometry.width, height = geometry.height
        let bandHeight = self.bandHeight(for: layers + zones)
        let bandCount = width == 0 ? 0 : (height + bandHeight - 1) / bandHeight
        let rowsOfBand: @Sendable (Int) -> Range<Int> = { band in
            (band * bandHeight)..<min(height, (band + 1) * bandHeight)
        }
        let workers = max(1, min(threadCount, bandCount))
        let scheduler = BandScheduler(fold: fold, bandCount: bandCount, window: 2 * workers, width: width, bandHeight: bandHeight,
                                      rowsOfBand: rowsOfBand, deliver: output)
        let capacity = bandHeight * width
        let outside = OutsideDomainTally(layers.indices.map { (roles.indices.contains($0) ? roles[$0] : nil, layers[$0]) })
        ResidentLayers.with(layers + zones) { resident in
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let scratch = UnsafeMutableBufferPointer<Float>.allocate(capacity: layers.count * capacity)
                let zoneScratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: zones.count * capacity)
                defer { scratch.deallocate(); zoneScratch.deallocate() }
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
                        var zoneInputs: [ZoneRows] = []
                        for (index, zone) in zones.enumerated() {
                            let buffer = UnsafeMutableBufferPointer(rebasing: zoneScratch[(index * capacity)..<(index * capacity + cells)])
                            if let values = resident.rows(rows, of: layers.count + index, width: width) {
                                zoneInputs.append(ZoneRows(floats: values.baseAddress!, scratch: buffer.baseAddress!, width: width, rowCount: rows.count))
                                continue
                            }
                            try zone.readDoubles(rows: rows, into: buffer)
                            zoneInputs.append(ZoneRows(doubles: buffer.baseAddress!, width: width, rowCount: rows.count))
                        }
                        outside.count(cells: cells) { inputs[$0].baseAddress! }
                        let block = scheduler.outputBlock()
                        var partial = scheduler.partial()
                        fold.process(GridBand(rows: rows, width: width, layers: inputs, zones: UnsafeBufferPointer(start: nil, count: 0),
                                              zoneLayers: zoneInputs, outputs: scheduler.buffers(of: block, cells: cells)),
                                     into: &partial)
                        scheduler.complete(band: band, partial: partial, outputs: block)
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
