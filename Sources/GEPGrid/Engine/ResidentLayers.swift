import GEPRaster

/// The whole-grid values of layers already held in memory (`InMemoryBand`, `ESRIASCIIBand`),
/// so the engine can hand their rows to kernels in place instead of copying them.
struct ResidentLayers: @unchecked Sendable {
    /// Per layer, its values when resident, else `nil`. Valid only inside `with(_:_:)`.
    let values: [UnsafeBufferPointer<Float>?]

    /// Calls `body` with the resident values of `layers` (pinned for the duration of the call).
    static func with<Result>(_ layers: [any RasterBand], _ body: (ResidentLayers) -> Result) -> Result {
        pin(layers[...], [], body)
    }

    private static func pin<Result>(_ layers: ArraySlice<any RasterBand>, _ pinned: [UnsafeBufferPointer<Float>?],
                                    _ body: (ResidentLayers) -> Result) -> Result {
        guard let layer = layers.first else { return body(ResidentLayers(values: pinned)) }
        let rest = layers.dropFirst()
        if let band = layer as? InMemoryBand {
            return band.values.withUnsafeBufferPointer { pin(rest, pinned + [$0], body) }
        }
        if let band = layer as? ESRIASCIIBand {
            return band.values.withUnsafeBufferPointer { pin(rest, pinned + [$0], body) }
        }
        return pin(rest, pinned + [nil], body)
    }

    /// Rows `rows` of layer `index` when resident.
    func rows(_ rows: Range<Int>, of index: Int, width: Int) -> UnsafeBufferPointer<Float>? {
        values[index].map { UnsafeBufferPointer(rebasing: $0[(rows.lowerBound * width)..<(rows.upperBound * width)]) }
    }
}
