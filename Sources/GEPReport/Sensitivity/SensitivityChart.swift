import Foundation
import GEPCore

/// Plain SVG charts of sensitivity results, readable in any browser: the tornado (bars sorted
/// by swing around the base), the Monte Carlo histogram with P5/P50/P95 marked, and Sobol
/// S1/ST bars with their intervals. Deterministic text: the same results give the same bytes.
public enum SensitivityChart {
    /// One tornado bar: GEP (CNY) with the parameter at its low and at its high end.
    public struct TornadoBar: Sendable {
        /// The parameter's id.
        public var name: String
        /// GEP with the parameter at its low end, CNY.
        public var atLow: Double
        /// GEP with the parameter at its high end, CNY.
        public var atHigh: Double
        /// Creates a bar.
        public init(name: String, atLow: Double, atHigh: Double) { self.name = name; self.atLow = atLow; self.atHigh = atHigh }
    }

    /// One Sobol bar: first-order and total index with intervals.
    public struct SobolBar: Sendable {
        /// The parameter's id.
        public var name: String
        /// First-order index S1 and its interval.
        public var s1: Double, s1Low: Double, s1High: Double
        /// Total index ST and its interval.
        public var st: Double, stLow: Double, stHigh: Double
        /// Creates a bar.
        public init(name: String, s1: Double, s1Low: Double, s1High: Double, st: Double, stLow: Double, stHigh: Double) {
            self.name = name; self.s1 = s1; self.s1Low = s1Low; self.s1High = s1High; self.st = st; self.stLow = stLow; self.stHigh = stHigh
        }
    }

    static let width = 1000.0, labelWidth = 400.0, rowHeight = 26.0, top = 60.0

    /// The tornado: one horizontal bar per parameter from GEP at its low to GEP at its high end,
    /// sorted by swing, around a vertical line at the base GEP (亿元).
    public static func tornado(_ bars: [TornadoBar], base: Double, language l: ReportLanguage) -> String {
        let sorted = bars.sorted { abs($0.atHigh - $0.atLow) > abs($1.atHigh - $1.atLow) }
        let values = sorted.flatMap { [$0.atLow, $0.atHigh] } + [base]
        let (lo, hi) = (values.min() ?? 0, values.max() ?? 1)
        let x = scale(lo, hi)
        let height = top + Double(sorted.count) * rowHeight + 50
        var svg = header(height: height, title: l.pick("GEP 龙卷风图（亿元）：各参数取低值与高值", "Tornado: GEP (亿元) with each parameter at its low and high end"))
        for (i, bar) in sorted.enumerated() {
            let y = top + Double(i) * rowHeight
            let (a, b) = (x(min(bar.atLow, bar.atHigh)), x(max(bar.atLow, bar.atHigh)))
            svg += text(labelWidth - 8, y + 17, bar.name, anchor: "end")
            svg += rect(a, y + 4, max(1, b - a), rowHeight - 8, fill: bar.atHigh >= bar.atLow ? "#4a90c2" : "#d0704a")
            // Each end is labelled with the GEP it stands at (the left end is the lower GEP,
            // whichever end of the parameter gives it).
            svg += text(a - 4, y + 17, NumberText.yi(min(bar.atLow, bar.atHigh)), anchor: "end", size: 11)
            svg += text(b + 4, y + 17, NumberText.yi(max(bar.atLow, bar.atHigh)), anchor: "start", size: 11)
        }
        svg += line(x(base), top - 6, x(base), top + Double(sorted.count) * rowHeight, stroke: "#333")
        svg += text(x(base), top - 10, l.pick("基准 ", "base ") + NumberText.yi(base), anchor: "middle", size: 11)
        return svg + "</svg>\n"
    }

    /// A histogram of Monte Carlo GEP draws (CNY) in 30 bins, with P5, P50 and P95 marked.
    public static func histogram(_ draws: [Double], p5: Double, p50: Double, p95: Double, language l: ReportLanguage) -> String {
        let finite = draws.filter(\.isFinite)
        let (lo, hi) = (finite.min() ?? 0, finite.max() ?? 1)
        let bins = 30
        var counts = [Int](repeating: 0, count: bins)
        for v in finite {
            let position = (v - lo) / max(hi - lo, .leastNonzeroMagnitude) * Double(bins)
            counts[position.isFinite ? min(bins - 1, Int(min(max(position, 0), Double(bins)))) : 0] += 1
        }
        let height = 420.0, plotTop = top, plotBottom = height - 50
        let x = scale(lo, hi, left: 90)
        let peak = Double(counts.max() ?? 1)
        var svg = header(height: height, title: l.pick("GEP 蒙特卡洛分布（亿元），\(finite.count) 次抽样", "Monte Carlo GEP (亿元), \(finite.count) draws"))
        let binWidth = (x(hi) - x(lo)) / Double(bins)
        for (i, count) in counts.enumerated() {
            let h = (plotBottom - plotTop) * Double(count) / peak
            svg += rect(x(lo) + Double(i) * binWidth, plotBottom - h, max(1, binWidth - 1), h, fill: "#4a90c2")
        }
        for (label, value) in [("P5", p5), ("P50", p50), ("P95", p95)] {
            svg += line(x(value), plotTop, x(value), plotBottom, stroke: "#d0704a")
            svg += text(x(value), plotTop - 6, "\(label) \(NumberText.yi(value))", anchor: "middle", size: 11)
        }
        svg += text(x(lo), plotBottom + 18, NumberText.yi(lo), anchor: "start", size: 11)
        svg += text(x(hi), plotBottom + 18, NumberText.yi(hi), anchor: "end", size: 11)
        return svg + "</svg>\n"
    }

    /// Sobol first-order (S1) and total (ST) indices of GEP with their intervals, one row per parameter.
    public static func sobol(_ bars: [SobolBar], language l: ReportLanguage) -> String {
        let sorted = bars.sorted { $0.st > $1.st }
        let x = scale(0, 1)
        let height = top + Double(sorted.count) * rowHeight * 1.5 + 50
        var svg = header(height: height, title: l.pick("Sobol 指数：一阶 S1（蓝）与总效应 ST（橙），95 % 区间", "Sobol indices of GEP: S1 (blue) and ST (orange) with 95 % intervals"))
        for (i, bar) in sorted.enumerated() {
            let y = top + Double(i) * rowHeight * 1.5
            svg += text(labelWidth - 8, y + 20, bar.name, anchor: "end")
            for (j, (value, low, high, colour)) in [(bar.s1, bar.s1Low, bar.s1High, "#4a90c2"), (bar.st, bar.stLow, bar.stHigh, "#d0704a")].enumerated() {
                let yy = y + 4 + Double(j) * 14
                let v = value.isFinite ? min(max(value, 0), 1) : 0
                svg += rect(x(0), yy, max(0.5, x(v) - x(0)), 11, fill: colour)
                if low.isFinite && high.isFinite {
                    svg += line(x(min(max(low, 0), 1)), yy + 5.5, x(min(max(high, 0), 1)), yy + 5.5, stroke: "#222")
                }
                svg += text(x(1) + 6, yy + 10, value.isFinite ? NumberText.grouped(value, decimals: 3) : "n/a", anchor: "start", size: 11)
            }
        }
        return svg + "</svg>\n"
    }

    // MARK: drawing helpers

    static func scale(_ lo: Double, _ hi: Double, left: Double = labelWidth + 40) -> (Double) -> Double {
        let span = hi > lo ? hi - lo : 1
        let right = width - 90
        return { left + ($0 - lo) / span * (right - left) }
    }

    static func header(height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(width))\" height=\"\(fmt(height))\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + text(width / 2, 28, title, anchor: "middle", size: 15)
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String) -> String {
        "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(w))\" height=\"\(fmt(h))\" fill=\"\(fill)\"/>\n"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
        "<line x1=\"\(fmt(x1))\" y1=\"\(fmt(y1))\" x2=\"\(fmt(x2))\" y2=\"\(fmt(y2))\" stroke=\"\(stroke)\" stroke-width=\"1.5\"/>\n"
    }

    static func text(_ x: Double, _ y: Double, _ content: String, anchor: String, size: Double = 12) -> String {
        let escaped = content.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        return "<text x=\"\(fmt(x))\" y=\"\(fmt(y))\" text-anchor=\"\(anchor)\" font-size=\"\(fmt(size))\">\(escaped)</text>\n"
    }

    static func fmt(_ v: Double) -> String { NumberText.grouped(v, decimals: 1).replacingOccurrences(of: ",", with: "") }
}
