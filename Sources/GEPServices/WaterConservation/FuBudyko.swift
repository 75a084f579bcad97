import Foundation

/// The Fu–Budyko curve as InVEST's Annual Water Yield model applies it (InVEST 3.20 user guide,
/// Annual Water Yield; Zhang et al. 2004; Donohue et al. 2012).
public enum FuBudyko {
    /// Actual evapotranspiration in mm for a vegetated cell or type.
    ///
    /// AET = P·(1 + PET/P − [1 + (PET/P)^ω]^(1/ω)), ω = Z·AWC/P + 1.25, capped at 5 (InVEST's
    /// upper limit), and AET ≤ PET. Returns NaN for P ≤ 0 (InVEST treats P = 0 as nodata).
    ///
    /// - Parameters:
    ///   - precipitation: P, mm.
    ///   - potentialET: PET = Kc·ET₀, mm.
    ///   - availableWater: AWC = min(root depth, soil depth)·PAWC, mm.
    ///   - seasonality: Z, dimensionless.
    public static func actualET(precipitation p: Double, potentialET pet: Double, availableWater awc: Double, seasonality z: Double) -> Double {
        guard p > 0 else { return .nan }
        let omega = min(z * awc / p + 1.25, 5)
        let ratio = pet / p
        let fraction = 1 + ratio - pow(1 + pow(ratio, omega), 1 / omega)
        return min(fraction * p, pet)
    }
}
