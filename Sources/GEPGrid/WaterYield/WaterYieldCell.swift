#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// InVEST 3.20.2's per-pixel Annual Water Yield equations (`fractp_op`,
/// `annual_water_yield.py` L1106-1198), in Float32 and in numpy's order of operations.
///
/// - Vegetated (`lulc_veg = 1`): with φ = Kc·ET0/P (L1160),
///   AWC = min(root depth, soil depth)·PAWC (L1165-1167),
///   ω = min(Z·AWC/P + 1.25, 5) (L1168-1171),
///   Fu = 1 + φ − (1 + φ^ω)^(1/ω) (L1174-1177), fractp = min(φ, Fu) (L1182).
/// - Not vegetated: fractp = min(Kc·ET0, P)/P (L1184-1187).
///
/// The vegetated branch is split in three so that the kernel can run the two `powf` calls of
/// many cells back to back (independent calls overlap in the CPU; a dependent pair per cell
/// does not). The arithmetic is unchanged.
enum WaterYieldCell {
    /// φ = PET/P and ω for a valid vegetated cell.
    ///
    /// - Parameters:
    ///   - pet: Kc·ET0, mm (Float32 product).
    ///   - precipitation: P, mm, not 0.
    ///   - rootDepth: The class's root depth, mm.
    ///   - soilDepth: Depth to the root-restricting layer, mm.
    ///   - pawc: Plant available water content, fraction.
    ///   - z: Seasonality constant Z as Float32.
    @inline(__always)
    static func budykoArguments(pet: Float, precipitation: Float, rootDepth: Float, soilDepth: Float, pawc: Float,
                                z: Float) -> (phi: Float, omega: Float) {
        let awc = (rootDepth < soilDepth ? rootDepth : soilDepth) * pawc
        let omega = (awc / precipitation) * z + 1.25
        return (pet / precipitation, omega > 5 ? 5 : omega)
    }

    /// φ^ω, the first power of the Fu equation.
    @inline(__always)
    static func innerPower(phi: Float, omega: Float) -> Float {
        powf(phi, omega)
    }

    /// fractp = min(φ, 1 + φ − (1 + φ^ω)^(1/ω)) given `innerPower` = φ^ω.
    @inline(__always)
    static func vegetatedFraction(phi: Float, omega: Float, innerPower: Float) -> Float {
        let fu = (1 + phi) - powf(1 + innerPower, 1 / omega)
        return phi < fu ? phi : fu
    }

    /// fractp = min(Kc·ET0, P)/P for a valid non-vegetated cell.
    @inline(__always)
    static func nonVegetatedFraction(pet: Float, precipitation: Float) -> Float {
        (precipitation < pet ? precipitation : pet) / precipitation
    }
}
