import GEPCore

/// The `--format json` report: the earlier per-result fields (name, unit, samples, p0…p100
/// seconds, per_second_p50, peak_rss_kib) plus grid fields, and the derived figures.
/// `--compare` reads `results[].name` and `p50_s` from such a file.
enum JSONReport {
    static func render(results: [BenchmarkResult], derived: DerivedFigures, notes: RunNotes, environment: String,
                       options: BenchOptions) -> String {
        var list: [JSON] = []
        for r in results {
            var entry: [String: JSON] = [
                "name": .string(r.name), "unit": .string(r.unit), "family": .string(r.family), "samples": .number(Double(r.samples.count)),
                "p0_s": .number(r.percentile(0)), "p10_s": .number(r.percentile(10)), "p25_s": .number(r.percentile(25)),
                "p50_s": .number(r.percentile(50)), "p75_s": .number(r.percentile(75)), "p90_s": .number(r.percentile(90)),
                "p99_s": .number(r.percentile(99)), "p100_s": .number(r.percentile(100)), "per_second_p50": .number(r.throughput),
                "peak_rss_kib": .number(Double(r.peakRSSKiB)),
            ]
            if let start = r.startRSSKiB {
                entry["start_rss_kib"] = .number(Double(start))
                entry["rss_growth_kib"] = .number(Double(max(0, r.peakRSSKiB - start)))
            }
            if let note = r.note { entry["note"] = .string(note) }
            if let threads = r.threads { entry["threads"] = .number(Double(threads)) }
            if let size = r.size {
                entry["columns"] = .number(Double(size.columns))
                entry["rows"] = .number(Double(size.rows))
            }
            if r.isCells {
                entry["cells"] = .number(r.itemsPerRun)
                entry["mcells_per_s_p50"] = .number(r.throughput / 1e6)
                entry["mcells_per_s_p10"] = .number(r.rate(10) / 1e6)
                entry["mcells_per_s_p90"] = .number(r.rate(90) / 1e6)
                entry["mcells_per_s_min"] = .number(r.rate(0) / 1e6)
                entry["mcells_per_s_max"] = .number(r.rate(100) / 1e6)
            }
            list.append(.object(entry))
        }
        var derivedJSON: [String: JSON] = [
            "scaling": .array(derived.scaling.map {
                ["family": .string($0.family), "size": .string("\($0.size)"), "threads": .number(Double($0.threads)),
                 "mcells_per_s_1_thread": .number($0.oneThread), "mcells_per_s_n_threads": .number($0.nThreads), "ratio": .number($0.ratio)]
            }),
            "reference_ratios": .array(derived.referenceRatios.map {
                ["family": .string($0.family), "size": .string("\($0.size)"), "threads": .number(Double($0.threads)),
                 "engine_mcells_per_s": .number($0.engine), "reference_mcells_per_s": .number($0.reference), "ratio": .number($0.ratio)]
            }),
            "grid_account_vs_water_yield": .array(derived.accountVersusWaterYield.map {
                ["size": .string("\($0.size)"), "grid_account_mcells_per_s": .number($0.account),
                 "water_yield_mcells_per_s": .number($0.waterYield), "ratio": .number($0.account / $0.waterYield)]
            }),
            "targets": .array(derived.targets.map { ["name": .string($0.name), "measured": .string($0.measured), "met": .bool($0.met)] }),
            "checks": .array(notes.checks.map { ["name": .string($0.name), "detail": .string($0.detail), "passed": .bool($0.passed)] }),
            "remarks": .array(notes.remarks.map { .string($0) }),
        ]
        if let seconds = derived.endToEndSeconds {
            var endToEnd: [String: JSON] = [
                "gep_s": .number(seconds),
                "invest_quoted_s": .number(FileCases.quotedInVEST), "invest_speedup": .number(FileCases.quotedInVEST / seconds),
                "numpy_quoted_s": .number(FileCases.quotedNumpy), "numpy_quoted_speedup": .number(FileCases.quotedNumpy / seconds),
                "quoted_note": "InVEST and GDAL + numpy seconds quoted from the issue (same machine type), not measured in this run",
            ]
            if let numpy = notes.numpy {
                if let reason = numpy.skipped {
                    endToEnd["numpy_measured"] = ["skipped": .string(reason)]
                } else {
                    endToEnd["numpy_measured"] = [
                        "versions": .string(numpy.versions), "repeats": .number(Double(numpy.repeats)),
                        "read_s": .number(numpy.readSeconds), "compute_s": .number(numpy.computeSeconds), "total_s": .number(numpy.totalSeconds),
                        "compute_mcells_per_s": .number(numpy.computeMcellsPerSecond), "speedup": .number(numpy.speedup),
                        "zones_compared": .number(Double(numpy.zonesCompared)), "max_zone_relative_difference": .number(numpy.worstZoneDifference),
                        "zones_agree_1e-5": .bool(numpy.agrees),
                    ]
                }
            }
            derivedJSON["end_to_end_1600_lzw"] = .object(endToEnd)
        }
        let settings: JSON = [
            "threads": .number(Double(options.threads)), "iterations": .number(Double(options.iterations)),
            "warmup": .number(Double(options.warmup)), "min_time_s": .number(options.minTime),
            "sizes": .array(options.sizes.map { .string("\($0)") }), "quick": .bool(options.quick), "big": .bool(options.big),
            "numpy": .bool(options.numpy),
        ]
        return JSONWriter.string(["environment": .string(environment), "settings": settings, "results": .array(list),
                                  "derived": .object(derivedJSON)])
    }
}
