/// The water balance of one cell (or of one ecosystem type at county scale), the formula the
/// county account and the grid kernel share (`coefficients/REFERENCES.md` §2 model A).
public enum WaterBalance {
    /// Retained depth P − α·P − ET in mm (negative values are floored at 0 by the caller).
    ///
    /// - Parameters:
    ///   - precipitation: P, mm.
    ///   - runoffCoefficient: α, the share of P that runs off (dimensionless).
    ///   - evapotranspiration: actual ET, mm (measured, or Fu–Budyko's AET).
    @inlinable
    public static func depth(precipitation p: Double, runoffCoefficient alpha: Double, evapotranspiration et: Double) -> Double {
        p - p * alpha - et
    }
}
