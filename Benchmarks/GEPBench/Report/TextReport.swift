/// The human-readable report: the county-account table as before, the grid table, then
/// thread scaling, reference ratios, end-to-end comparisons, targets and checks.
enum TextReport {
    static func render(results: [BenchmarkResult], derived: DerivedFigures, notes: RunNotes, environment: String) -> String {
        var lines = ["gep-bench — \(environment)"]
        let account = results.filter { !$0.isCells }
        let grid = results.filter(\.isCells)
        if !account.isEmpty {
            lines.append("")
            lines.append("case                    p0 ms    p50 ms    p90 ms   p100 ms      per s (p50)   peak RSS MiB")
            for r in account {
                let row = [r.percentile(0), r.percentile(50), r.percentile(90), r.percentile(100)].map { fmt("%9.3f", $0 * 1000) }.joined(separator: " ")
                lines.append(pad(r.name, 20) + " " + row + fmt("  %12.1f %@", r.throughput, r.unit) + fmt("   %8.1f", Double(r.peakRSSKiB) / 1024))
            }
        }
        if !grid.isEmpty {
            lines.append("")
            lines.append("Grid cases — Mcells/s at the median; spread = Mcells/s at the p90…p10 times; peak RSS during the case (inputs included), +Δ over its start")
            lines.append(pad("case", 40) + padLeft("cells", 12) + padLeft("samples", 8) + padLeft("p50 ms", 11) + padLeft("Mcells/s", 10)
                         + padLeft("spread", 18) + padLeft("peak RSS MiB", 14) + padLeft("+Δ MiB", 9))
            for r in grid {
                let growth = r.startRSSKiB.map { "+" + mebibytes(max(0, r.peakRSSKiB - $0)) } ?? "–"
                lines.append(pad(r.name, 40) + padLeft("\(Int(r.itemsPerRun))", 12) + padLeft("\(r.samples.count)", 8)
                             + padLeft(fmt("%.3f", r.percentile(50) * 1000), 11) + padLeft(fmt("%.1f", r.throughput / 1e6), 10)
                             + padLeft(fmt("%.1f–%.1f", r.rate(10) / 1e6, r.rate(90) / 1e6), 18)
                             + padLeft(mebibytes(r.peakRSSKiB), 14) + padLeft(growth, 9))
            }
            var seen: Set<String> = []
            let remarks = grid.compactMap { r in r.note.flatMap { seen.insert(r.family).inserted ? "  \(r.family): \($0)" : nil } }
            if !remarks.isEmpty { lines += ["", "Cases:"] + remarks }
        }
        if !derived.scaling.isEmpty {
            lines += ["", "Thread scaling (Mcells/s at the median, 1 → N threads):"]
            for s in derived.scaling {
                lines.append("  " + pad("\(s.family) \(s.size)", 40) + fmt("%9.1f → %9.1f  (t%d)  %.2f×", s.oneThread, s.nThreads, s.threads, s.ratio))
            }
        }
        if !derived.referenceRatios.isEmpty {
            lines += ["", "Engine against the plain scalar reference (medians, same grid, run side by side):"]
            for r in derived.referenceRatios {
                lines.append("  " + pad("\(r.family) \(r.size) t\(r.threads)", 40)
                             + fmt("%9.1f vs %7.1f Mcells/s  %6.1f× the reference", r.engine, r.reference, r.ratio))
            }
        }
        if !derived.accountVersusWaterYield.isEmpty {
            lines += ["", "Multi-service grid account against water yield alone (N threads):"]
            for entry in derived.accountVersusWaterYield {
                lines.append("  " + pad("\(entry.size)", 40) + fmt("%9.1f vs %7.1f Mcells/s  %.2f×", entry.account, entry.waterYield, entry.account / entry.waterYield))
            }
        }
        if let seconds = derived.endToEndSeconds {
            lines += ["", "End to end, 1600² Lianping-like grid as tiled LZW GeoTIFFs (open files + water yield with zones, all threads):"]
            lines.append(fmt("  gep (measured, median)                  %8.3f s", seconds))
            lines.append(fmt("  InVEST 3.20 AWY (quoted in the issue, not measured in this run)   %5.2f s → gep %.1f× faster (target ≥ 30×)",
                             FileCases.quotedInVEST, FileCases.quotedInVEST / seconds))
            lines.append(fmt("  GDAL + numpy (quoted in the issue, not measured in this run)      %5.2f s → gep %.1f× faster (target ≥ 2×)",
                             FileCases.quotedNumpy, FileCases.quotedNumpy / seconds))
            if let numpy = notes.numpy {
                if let reason = numpy.skipped {
                    lines.append("  GDAL + numpy (measured): skipped — \(reason)")
                } else {
                    lines.append(fmt("  GDAL + numpy (measured in this run, median of %d): %.3f s = read %.3f s + compute %.3f s (%.1f Mcells/s, 1 thread) → gep %.1f× faster",
                                     numpy.repeats, numpy.totalSeconds, numpy.readSeconds, numpy.computeSeconds, numpy.computeMcellsPerSecond, numpy.speedup))
                    lines.append(fmt("    %@; zone water-yield volumes agree to 1e-5: %@ (max relative difference %.2e over %d zones)",
                                     numpy.versions, numpy.agrees ? "yes" : "NO", numpy.worstZoneDifference, numpy.zonesCompared))
                }
            }
        }
        if !derived.targets.isEmpty {
            lines += ["", "Targets:"]
            for t in derived.targets { lines.append("  [\(t.met ? "met " : "MISS")] \(t.name): \(t.measured)") }
        }
        if !notes.checks.isEmpty {
            lines += ["", "Checks:"]
            for c in notes.checks { lines.append("  [\(c.passed ? "ok" : "FAIL")] \(c.name): \(c.detail)") }
        }
        if !notes.remarks.isEmpty { lines += [""] + notes.remarks }
        return lines.joined(separator: "\n") + "\n"
    }
}
