import Testing
import GEPCore
import GEPReport

/// The SVG charts' geometry and labels, checked element by element: bar lengths proportional
/// to the values, the axis spanning the plot area, labels in 亿元 at the right places.
///
/// The plot area runs from x = 440 (label column 400 + 40) to x = 910 (width 1000 − 90) for the
/// tornado and Sobol charts, and from x = 90 to 910 for the histogram.
@Suite struct SensitivityChartTests {
    /// `fmt` writes one decimal, so positions are exact to ±0.05.
    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 0.051 } ?? false }

    static func elements(_ svg: String, _ name: String) -> [SVGElement] { SVGElement.parse(svg).filter { $0.name == name } }

    // MARK: tornado

    /// GEP 80–127 亿元 over all bars and the base, so x(v) = 440 + (v − 8e9) / 1e7.
    static let bars = [
        SensitivityChart.TornadoBar(name: "price.carbon", atLow: 9.5e9, atHigh: 11.0e9),
        SensitivityChart.TornadoBar(name: "price.water", atLow: 10.2e9, atHigh: 9.8e9),  // GEP falls as the parameter rises
        SensitivityChart.TornadoBar(name: "runoff", atLow: 8.0e9, atHigh: 12.7e9),
    ]
    static func x(_ gep: Double) -> Double { 440 + (gep - 8e9) / 1e7 }

    @Test func tornadoBarsAreSortedBySwingAndSpanTheirValues() {
        let svg = SensitivityChart.tornado(Self.bars, base: 1e10, language: .en)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000.0\" height=\"188.0\""))  // 60 + 3 × 26 + 50
        #expect(svg.hasSuffix("</svg>\n"))
        let rects = Self.elements(svg, "rect").filter { $0.attributes["width"] != "100%" }
        let expected: [(low: Double, high: Double, fill: String)] = [(8.0e9, 12.7e9, "#4a90c2"), (9.5e9, 11.0e9, "#4a90c2"), (9.8e9, 10.2e9, "#d0704a")]
        #expect(rects.count == 3)
        for (i, (rect, bar)) in zip(rects, expected).enumerated() {
            #expect(Self.close(rect.number("x"), Self.x(bar.low)), "bar \(i) starts at its lower GEP")
            #expect(Self.close(rect.number("width"), (bar.high - bar.low) / 1e7), "bar \(i) is as long as its swing")
            #expect(Self.close(rect.number("y"), 60 + 26 * Double(i) + 4))
            #expect(rect.attributes["fill"] == bar.fill)
        }
        // the widest bar spans the whole plot area: the axis runs from its low to its high GEP
        #expect(Self.close(rects[0].number("x"), 440) && Self.close(rects[0].number("width"), 470))
        let labels = Self.elements(svg, "text").filter { $0.attributes["text-anchor"] == "end" && $0.number("x") == 392 }
        #expect(labels.map(\.text) == ["runoff", "price.carbon", "price.water"])
    }

    @Test func tornadoBaseLineAndTitleFollowTheLanguage() {
        for (language, title, base) in [(ReportLanguage.en, "Tornado: GEP (亿元) with each parameter at its low and high end", "base 100.00"),
                                        (.zh, "GEP 龙卷风图（亿元）：各参数取低值与高值", "基准 100.00")] {
            let svg = SensitivityChart.tornado(Self.bars, base: 1e10, language: language)
            let texts = Self.elements(svg, "text")
            #expect(texts.first?.text == title && Self.close(texts.first?.number("x"), 500))
            let lines = Self.elements(svg, "line")
            #expect(lines.count == 1)
            #expect(Self.close(lines.first?.number("x1"), 640) && Self.close(lines.first?.number("x2"), 640))
            #expect(Self.close(lines.first?.number("y1"), 54) && Self.close(lines.first?.number("y2"), 138))
            let label = texts.first { $0.text == base }
            #expect(Self.close(label?.number("x"), 640))
        }
    }

    @Test func tornadoValueLabelsSitAtTheEndTheyDescribe() {
        let svg = SensitivityChart.tornado(Self.bars, base: 1e10, language: .en)
        let texts = Self.elements(svg, "text")
        func label(at x: Double, row: Int) -> String? {
            texts.first { Self.close($0.number("x"), x) && Self.close($0.number("y"), 60 + 26 * Double(row) + 17) }?.text
        }
        // rising bars: the low-end value to the left of the bar, the high-end value to the right (in 亿元)
        #expect(label(at: Self.x(8.0e9) - 4, row: 0) == "80.00")
        #expect(label(at: Self.x(12.7e9) + 4, row: 0) == "127.00")
        #expect(label(at: Self.x(9.5e9) - 4, row: 1) == "95.00")
        #expect(label(at: Self.x(11.0e9) + 4, row: 1) == "110.00")
        // a falling bar: its left end is at 98 亿元 (the parameter's high end), its right end at 102
        #expect(label(at: Self.x(9.8e9) - 4, row: 2) == "98.00")
        #expect(label(at: Self.x(10.2e9) + 4, row: 2) == "102.00")
    }

    // MARK: histogram

    /// Draws 100, 100, 105.5, 130 亿元 and a NaN: 30 bins of 1 亿元 over [100, 130], so the
    /// counts are 2 (bin 0), 1 (bin 5) and 1 (bin 29, the maximum); x(v) = 90 + (v − 1e10) / 3e9 × 820.
    static let draws = [1.0e10, 1.0e10, 1.055e10, 1.3e10, .nan]
    static func hx(_ gep: Double) -> Double { 90 + (gep - 1e10) / 3e9 * 820 }

    @Test func histogramBarHeightsAreProportionalToTheCounts() {
        let svg = SensitivityChart.histogram(Self.draws, p5: 1.0e10, p50: 1.055e10, p95: 1.3e10, language: .en)
        #expect(Self.elements(svg, "text").first?.text == "Monte Carlo GEP (亿元), 4 draws")
        let bins = Self.elements(svg, "rect").filter { $0.attributes["width"] != "100%" }
        #expect(bins.count == 30)
        let binWidth = 820.0 / 30
        var counts: [Int: Double] = [0: 2, 5: 1, 29: 1]
        for (i, bin) in bins.enumerated() {
            let count = counts.removeValue(forKey: i) ?? 0
            #expect(Self.close(bin.number("x"), 90 + Double(i) * binWidth), "bin \(i)")
            #expect(Self.close(bin.number("width"), binWidth - 1))
            #expect(Self.close(bin.number("height"), 310 * count / 2), "bin \(i): the tallest bin (2 draws) fills the 310-high plot")
            #expect(Self.close(bin.number("y"), 370 - 310 * count / 2), "bin \(i) stands on the axis at y = 370")
        }
    }

    @Test func histogramMarksThePercentilesAndTheRange() {
        let svg = SensitivityChart.histogram(Self.draws, p5: 1.0e10, p50: 1.055e10, p95: 1.3e10, language: .zh)
        let texts = Self.elements(svg, "text")
        #expect(texts.first?.text == "GEP 蒙特卡洛分布（亿元），4 次抽样")
        let lines = Self.elements(svg, "line")
        #expect(lines.count == 3)
        for (line, value) in zip(lines, [1.0e10, 1.055e10, 1.3e10]) {
            #expect(Self.close(line.number("x1"), Self.hx(value)) && Self.close(line.number("x2"), Self.hx(value)))
            #expect(line.number("y1") == 60 && line.number("y2") == 370)
        }
        for (text, value) in [("P5 100.00", 1.0e10), ("P50 105.50", 1.055e10), ("P95 130.00", 1.3e10)] {
            #expect(Self.close(texts.first { $0.text == text }?.number("x"), Self.hx(value)), "\(text)")
        }
        let low = texts.first { $0.text == "100.00" }, high = texts.first { $0.text == "130.00" }
        #expect(Self.close(low?.number("x"), 90) && low?.attributes["text-anchor"] == "start" && low?.number("y") == 388)
        #expect(Self.close(high?.number("x"), 910) && high?.attributes["text-anchor"] == "end")
    }

    // MARK: Sobol

    /// ST of 1.05 (an estimate may exceed 1) must be drawn as 1; S1 of −0.02 and NaN as a stub.
    static let sobol = [
        SensitivityChart.SobolBar(name: "overshoot", s1: 0.3, s1Low: 0.2, s1High: 0.4, st: 1.05, stLow: 0.9, stHigh: 1.1),
        SensitivityChart.SobolBar(name: "a&b<c", s1: 0.5, s1Low: 0.4, s1High: 0.6, st: 0.6, stLow: 0.5, stHigh: 0.7),
        SensitivityChart.SobolBar(name: "negative", s1: -0.02, s1Low: -0.05, s1High: 0.01, st: 0.8, stLow: 0.7, stHigh: 1.2),
        SensitivityChart.SobolBar(name: "unknown", s1: .nan, s1Low: .nan, s1High: .nan, st: 0.1, stLow: 0.05, stHigh: 0.15),
    ]

    @Test func sobolBarsAreProportionalToTheIndicesClampedToZeroOne() {
        let svg = SensitivityChart.sobol(Self.sobol, language: .en)
        #expect(svg.contains(" height=\"266.0\""))  // 60 + 4 × 26 × 1.5 + 50
        let texts = Self.elements(svg, "text")
        #expect(texts.first?.text == "Sobol indices of GEP: S1 (blue) and ST (orange) with 95 % intervals")
        #expect(texts.filter { $0.number("x") == 392 }.map(\.text) == ["overshoot", "negative", "a&b<c", "unknown"])  // by ST, descending
        #expect(svg.contains(">a&amp;b&lt;c</text>"))
        let bars = Self.elements(svg, "rect").filter { $0.attributes["width"] != "100%" }
        // S1 then ST per parameter; ST 1.05 is cut at 1; a negative S1 and a NaN draw as a 0.5-wide stub
        let widths = [0.3 * 470, 470, 0.5, 0.8 * 470, 0.5 * 470, 0.6 * 470, 0.5, 0.1 * 470]
        let fills = Array([[String]](repeating: ["#4a90c2", "#d0704a"], count: 4).joined())
        #expect(bars.count == 8)
        for (i, bar) in bars.enumerated() {
            #expect(bar.number("x") == 440)
            #expect(Self.close(bar.number("width"), widths[i]), "bar \(i)")
            let y: Double = 60 + 39 * Double(i / 2) + 4 + 14 * Double(i % 2)  // row of 26 × 1.5, S1 then ST 14 below
            #expect(Self.close(bar.number("y"), y))
            #expect(bar.attributes["fill"] == fills[i])
        }
        let values = texts.filter { $0.number("x") == 916 }.map(\.text)
        #expect(values == ["0.300", "1.050", "-0.020", "0.800", "0.500", "0.600", "n/a", "0.100"])
    }

    @Test func sobolIntervalsAreClampedAndSkippedWhenUnknown() {
        let lines = Self.elements(SensitivityChart.sobol(Self.sobol, language: .zh), "line")
        // no interval for the NaN S1: seven lines, cut to [0, 1]
        let expected: [(Double, Double)] = [(0.2, 0.4), (0.9, 1), (0, 0.01), (0.7, 1), (0.4, 0.6), (0.5, 0.7), (0.05, 0.15)]
        #expect(lines.count == expected.count)
        for (line, (low, high)) in zip(lines, expected) {
            #expect(Self.close(line.number("x1"), 440 + 470 * low) && Self.close(line.number("x2"), 440 + 470 * high))
        }
        #expect(SVGElement.parse(SensitivityChart.sobol(Self.sobol, language: .zh)).first { $0.name == "text" }?.text
                == "Sobol 指数：一阶 S1（蓝）与总效应 ST（橙），95 % 区间")
    }
}
