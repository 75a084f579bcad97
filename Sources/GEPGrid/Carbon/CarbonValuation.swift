#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// InVEST 3.20.2 Carbon valuation: the net present value of sequestration.
///
/// With n = alternate year − baseline year and r = 1 / ((1 + discount/100)(1 + rate
/// change/100)), the valuation constant is V = price / n · (1 − rⁿ)/(1 − r), or V = price
/// when r = 1 (`_calculate_valuation_constant`, `carbon.py` L593-624); NPV = sequestration ×
/// V (`_calculate_npv` L627-643).
public struct CarbonValuation: Sendable, Equatable {
    /// Price of carbon, currency per Mg C.
    public var pricePerTonne: Double
    /// Baseline (current) year.
    public var baseYear: Int
    /// Alternate (future) year, after `baseYear`.
    public var alternateYear: Int
    /// Annual market discount rate, percent.
    public var discountRatePercent: Double
    /// Annual change in the price of carbon, percent.
    public var rateChangePercent: Double

    /// Creates valuation settings.
    public init(pricePerTonne: Double, baseYear: Int, alternateYear: Int, discountRatePercent: Double, rateChangePercent: Double) {
        self.pricePerTonne = pricePerTonne
        self.baseYear = baseYear
        self.alternateYear = alternateYear
        self.discountRatePercent = discountRatePercent
        self.rateChangePercent = rateChangePercent
    }

    /// V, currency per Mg C sequestered over the period.
    public var constant: Double {
        let years = Double(alternateYear - baseYear)
        let ratio = 1 / ((1 + discountRatePercent / 100) * (1 + rateChangePercent / 100))
        guard ratio != 1 else { return pricePerTonne }
        return pricePerTonne / years * (1 - pow(ratio, years)) / (1 - ratio)
    }

    /// Net present value of `sequestration` Mg C, currency.
    public func netPresentValue(ofSequestration sequestration: Double) -> Double {
        sequestration * constant
    }
}
