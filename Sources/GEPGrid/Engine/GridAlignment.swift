import GEPCore
import GEPRaster

/// Checks that layers share one grid before any cell is read.
enum GridAlignment {
    /// Every difference between each layer's geometry and the first layer's, one diagnostic
    /// per layer and difference (via `GridGeometry.differences`).
    static func problems(_ layers: [any RasterBand]) -> [Diagnostic] {
        guard let first = layers.first else { return [] }
        var diagnostics: [Diagnostic] = []
        for layer in layers.dropFirst() {
            for difference in first.geometry.differences(from: layer.geometry) {
                diagnostics.append(Diagnostic(file: layer.name, message: "not aligned with '\(first.name)': \(difference)"))
            }
        }
        return diagnostics
    }

    /// Throws `.invalidData` listing every misalignment.
    static func check(_ layers: [any RasterBand]) throws(GEPError) {
        let diagnostics = problems(layers)
        guard diagnostics.isEmpty else { throw .invalidData(diagnostics) }
    }
}
