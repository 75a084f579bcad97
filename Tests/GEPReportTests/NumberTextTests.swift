import Testing
import GEPReport

/// The number text every report uses: rounding halves away from zero, `,` every three digits,
/// no sign on a value that rounds to zero, 万元 = 10⁴ and 亿元 = 10⁸ CNY.
@Suite struct NumberTextTests {
    @Test(arguments: [
        (1_234_567.891, 2, "1,234,567.89"),
        (-1_234.5, 0, "-1,235"),       // 1234.5 is exact: half away from zero
        (999.999, 2, "1,000.00"),      // the carry opens a new group
        (0.05, 3, "0.050"),            // the fraction keeps its leading zero
        (-0.004, 2, "0.00"),           // rounds to zero: no minus sign
        (0, 0, "0"),
        (123, 0, "123"),
        (1_000, 0, "1,000"),
        (Double.nan, 2, "n/a"),
        (-Double.infinity, 1, "n/a"),
    ])
    func grouped(value: Double, decimals: Int, text: String) {
        #expect(NumberText.grouped(value, decimals: decimals) == text)
    }

    @Test func wanYuanIsTenThousandYuanToTheCent() {
        #expect(NumberText.wan(12_345_678) == "1,234.57")
        #expect(NumberText.wan(12_341_250) == "1,234.13")   // 1,234.125 exactly: the half goes up
        #expect(NumberText.wan(-12_341_250) == "-1,234.13") // and away from zero when negative
        #expect(NumberText.wan(0) == "0.00")
        #expect(NumberText.wan(-40) == "0.00")
        #expect(NumberText.wan(1e4) == "1.00")
    }

    @Test func yiYuanIsAHundredMillionYuan() {
        #expect(NumberText.yi(123_456_789_012) == "1,234.57")
        #expect(NumberText.yi(1e8) == "1.00")
        #expect(NumberText.yi(-23_765_500) == "-0.24")
    }

    @Test func percentHasOneDecimal() {
        #expect(NumberText.percent(0.123) == "12.3 %")
        #expect(NumberText.percent(1) == "100.0 %")
        #expect(NumberText.percent(-0.0625) == "-6.3 %")  // −6.25 exactly: away from zero
        #expect(NumberText.percent(0) == "0.0 %")
    }

    @Test func quantityIsWholeFromAHundredUpElseFourSignificantDigits() {
        #expect(NumberText.quantity(1_234.6) == "1,235")
        #expect(NumberText.quantity(100) == "100")
        #expect(NumberText.quantity(5) == "5.000")
        #expect(NumberText.quantity(0.5) == "0.5000")
        #expect(NumberText.quantity(0.00123456) == "0.001235")
        #expect(NumberText.quantity(-5) == "-5.000")
        #expect(NumberText.quantity(0) == "0")
        #expect(NumberText.quantity(.nan) == "n/a")
    }
}
