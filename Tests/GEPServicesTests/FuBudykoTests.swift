import Testing
import GEPServices

/// The Fu–Budyko curve against InVEST 3.20.2's own per-pixel output (probe pixels of the
/// project's InVEST reference run, Z = 10; InVEST computes in float32, so AET agrees to ~5e-4 mm).
@Suite struct FuBudykoTests {
    @Test(arguments: [
        // P, ET0, soil depth, PAWC, Kc, root depth, InVEST AET (mm)
        (1726.199951171875, 1077.199951171875, 1692.0, 0.13600000739097595, 1.00, 3500.0, 895.0440673828125),
        (1717.5999755859375, 1087.4000244140625, 1274.0, 0.16099999845027924, 1.00, 3500.0, 876.5298461914062),
        (1670.4000244140625, 1119.5, 1878.0, 0.15399999916553497, 0.95, 3000.0, 928.7567138671875),
        (1678.9000244140625, 1102.300048828125, 1588.0, 0.12700000405311584, 0.95, 3000.0, 849.0968017578125),
        (1851.4000244140625, 1029.5, 1728.0, 0.08699999749660492, 1.00, 3200.0, 779.73583984375),
    ])
    func matchesInVESTProbePixels(p: Double, et0: Double, soil: Double, pawc: Double, kc: Double, root: Double, aet: Double) {
        let value = FuBudyko.actualET(precipitation: p, potentialET: kc * et0, availableWater: min(root, soil) * pawc, seasonality: 10)
        #expect(abs(value - aet) < 1e-3)
    }

    @Test func omegaIsCappedAtFiveAndAETNeverExceedsPET() {
        // huge AWC → ω capped at 5; AET ≤ PET
        let capped = FuBudyko.actualET(precipitation: 1000, potentialET: 800, availableWater: 1e6, seasonality: 10)
        let five = 1000 * (1 + 0.8 - pow(1 + pow(0.8, 5), 0.2))
        #expect(abs(capped - min(five, 800)) < 1e-9)
        #expect(FuBudyko.actualET(precipitation: 0, potentialET: 800, availableWater: 100, seasonality: 10).isNaN)
    }
}

import Foundation
