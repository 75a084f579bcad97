import Dispatch
import Foundation
import GEPCore
import GEPRaster

/// Streams aligned bands through a fold: the grid is cut into row bands of a fixed height
/// (independent of the thread count), each band's layers are decoded into per-worker
/// buffers and folded into a band partial, and the partials are merged in band order, so the
/// result is bit-identical for any number of threads. Memory: one band per layer per worker.
enum BandStreaming {
    /// Rows per band: the largest layer block height, at least 64 rows.
    static func bandHeight(_ layers: [(any RasterBand)?]) -> Int {
        let block = layers.compactMap { $0?.blockHeight }.max() ?? 64
        return block >= 64 ? block : ((64 + block - 1) / block) * block
    }

    /// Folds every band of `height` rows. `body(rows, buffers, &partial)` sees one pointer per
    /// layer (nil for absent layers).
    static func fold<Partial>(layers: [(any RasterBand)?], geometry: GridGeometry, height: Int, threads: Int,
                              initial: () -> Partial, merge: (inout Partial, Partial) -> Void,
                              body: @escaping @Sendable (Int, [UnsafePointer<Float>?], inout Partial) -> Void) throws(GEPError) -> Partial {
        let bandCount = (geometry.height + height - 1) / height
        let workers = max(1, min(threads, bandCount))
        let results = ResultSlots<Partial>(count: bandCount)
        let width = geometry.width
        let layerList = layers
        let seed = initial()
        nonisolated(unsafe) let first = seed
        let present = layerList.compactMap { $0 }
        var slots: [Int?] = []
        var next = 0
        for layer in layerList {
            slots.append(layer == nil ? nil : next)
            if layer != nil { next += 1 }
        }
        let slotOf = slots
        ResidentLayers.with(present) { resident in
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let buffers = layerList.map { $0 == nil ? nil : UnsafeMutableBufferPointer<Float>.allocate(capacity: height * width) }
            defer { for buffer in buffers { buffer?.deallocate() } }
            var band = worker
            while band < bandCount {
                let start = band * height
                let rows = min(height, geometry.height - start)
                do throws(GEPError) {
                    var pointers: [UnsafePointer<Float>?] = []
                    for (index, layer) in layerList.enumerated() {
                        guard let layer, let buffer = buffers[index] else { pointers.append(nil); continue }
                        if let rows = resident.rows(start..<(start + rows), of: slotOf[index]!, width: width) {
                            // Already in memory: read in place instead of copying the band.
                            pointers.append(rows.baseAddress!)
                        } else {
                            try layer.read(rows: start..<(start + rows), into: UnsafeMutableBufferPointer(rebasing: buffer[0..<(rows * width)]))
                            pointers.append(UnsafePointer(buffer.baseAddress!))
                        }
                    }
                    var partial = first
                    body(rows, pointers, &partial)
                    results.store(band, .success(partial))
                } catch {
                    results.store(band, .failure(error))
                }
                band += workers
            }
        }
        }
        var total = initial()
        for band in 0..<bandCount {
            switch results.take(band) {
            case let .success(partial): merge(&total, partial)
            case let .failure(error): throw error
            }
        }
        return total
    }
}
