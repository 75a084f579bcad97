import Foundation
import GEPCore
import GEPGrid

/// What the numpy + GDAL script measured, or why it did not run.
struct NumpyOutcome {
    /// Why the script was skipped; `nil` when it ran.
    var skipped: String?
    var versions = ""
    var repeats = 0
    /// Medians over the script's timed runs, seconds.
    var readSeconds = 0.0, computeSeconds = 0.0, totalSeconds = 0.0
    var computeMcellsPerSecond = 0.0
    /// gep's end-to-end median, seconds.
    var oursSeconds = 0.0
    /// Largest relative difference of the zone water-yield volumes, and the zones compared.
    var worstZoneDifference = Double.infinity
    var zonesCompared = 0

    /// How many times faster gep is end to end.
    var speedup: Double { totalSeconds / oursSeconds }
    /// Whether every zone volume agrees to 1e-5 relative.
    var agrees: Bool { zonesCompared > 0 && worstZoneDifference <= 1e-5 }
}

/// Runs `Benchmarks/reference/water_yield_numpy.py` with `/usr/bin/python3` on the end-to-end
/// case's files and compares its zone volumes with gep's. Never fails the run: a missing
/// interpreter, module or script becomes a skip with the reason.
enum NumpyBaseline {
    static let python = "/usr/bin/python3"

    static func run(script: String, fixture: GeoTIFFFixture, repeats: Int, ours: WaterYieldResult, oursSeconds: Double) -> NumpyOutcome {
        guard FileManager.default.isExecutableFile(atPath: python) else { return NumpyOutcome(skipped: "\(python) not found") }
        guard FileManager.default.fileExists(atPath: script) else { return NumpyOutcome(skipped: "\(script) not found") }
        let output: ChildProcess.Output
        do {
            output = try ChildProcess.run(python, [script, "--dir", fixture.path(""), "--z", "\(LianpingTables.seasonalityConstant)",
                                                   "--repeat", "\(repeats)"])
        } catch {
            return NumpyOutcome(skipped: "could not start \(python): \(error)")
        }
        guard let json = try? JSONParser.parse(Array(output.stdout), file: "water_yield_numpy.py output") else {
            let reason = String(decoding: output.stderr, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "no output"
            return NumpyOutcome(skipped: "the script failed (exit \(output.status)): \(reason)")
        }
        if let error = json["error"]?.string { return NumpyOutcome(skipped: error) }
        var outcome = NumpyOutcome()
        outcome.versions = "python \(json["python"]?.string ?? "?"), numpy \(json["numpy"]?.string ?? "?"), GDAL \(json["gdal"]?.string ?? "?")"
        outcome.repeats = Int(json["repeats"]?.double ?? 0)
        outcome.readSeconds = json["read_s"]?["median"]?.double ?? .nan
        outcome.computeSeconds = json["compute_s"]?["median"]?.double ?? .nan
        outcome.totalSeconds = json["total_s"]?["median"]?.double ?? .nan
        outcome.computeMcellsPerSecond = json["compute_mcells_per_s"]?.double ?? .nan
        outcome.oursSeconds = oursSeconds
        var pairs: [(Double, Double)] = []
        for id in ours.zoneIDs {
            pairs.append((ours.zones[id]!.wyieldVolume(cellArea: ours.cellArea), json["zone_wyield_volume_m3"]?["\(id)"]?.double ?? .nan))
        }
        outcome.zonesCompared = pairs.count
        outcome.worstZoneDifference = maxRelativeDifference(pairs)
        return outcome
    }
}
