import Foundation
import GEPCore
import GEPGrid
import GEPSensitivity

/// The in-memory kernel cases of one grid size: Annual Water Yield and Carbon on the engine
/// at 1 and N threads (zones = the 8 sub-watersheds, sums only, no per-cell outputs), each
/// with its plain scalar reference, plus the multi-service grid account.
enum KernelCases {
    static func group(size: GridSize, options: BenchOptions, notes: RunNotes, account: GridAccountSetup) throws -> BenchmarkGroup {
        let fixture = SyntheticFixture(size: size)
        let waterYield = try LianpingTables.waterYieldModel()
        let carbon = try LianpingTables.carbonModel()
        let threadCounts = options.threads == 1 ? [1] : [1, options.threads]
        let prepare = { fixture.prepare() }
        var cases: [BenchmarkCase] = [RasterizeCase.make(size: size)]
        for threads in threadCounts {
            cases.append(.grid("kernel.water_yield", size: size, threads: threads, setUp: prepare) {
                let result = try waterYield.run(fixture.waterYieldLayers!, zones: fixture.subwatersheds!,
                                                engine: GridEngine(threadCount: threads))
                fixture.waterYield = result
                return result.grid.wyield
            })
        }
        cases.append(.grid("reference.water_yield", size: size, threads: 1, note: "WaterYieldReference (scalar Double)", setUp: prepare) {
            let output = try WaterYieldReference.run(waterYield, layers: fixture.waterYieldLayers!, zones: fixture.subwatersheds!)
            fixture.waterYieldReference = output.result
            return output.result.grid.wyield
        })
        for threads in threadCounts {
            cases.append(.grid("kernel.carbon", size: size, threads: threads, setUp: prepare) {
                let result = try carbon.run(current: fixture.currentLandCover!, future: fixture.futureLandCover!,
                                            zones: fixture.subwatersheds!, engine: GridEngine(threadCount: threads))
                fixture.carbon = result
                return result.grid.change
            })
        }
        cases.append(.grid("reference.carbon", size: size, threads: 1, note: "ScalarCarbonReference (scalar Double)", setUp: prepare) {
            let output = try ScalarCarbonReference.run(pools: carbon.pools, current: fixture.currentLandCover!,
                                                       future: fixture.futureLandCover!, zones: fixture.subwatersheds!)
            fixture.carbonReference = output
            return output.grid.change
        })
        for threads in threadCounts {
            cases.append(GridAccountCases.kernel(size: size, threads: threads, fixture: fixture, setup: account))
        }
        let designs = DesignOutputs()
        if size.rows == 1600 && size.columns == 1600 {
            cases += try GridAccountCases.sensitivity(size: size, fixture: fixture, setup: account, results: designs)
            // Monte Carlo with the seasonality constant Z uncertain (uniform 3…30, seeded): each draw is a
            // whole-grid water-yield run on all cores; the issue asks for ≥ 1,000 draws per minute.
            let draws = 20
            cases.append(BenchmarkCase(name: "montecarlo.water_yield_z/\(size)", unit: "draws", itemsPerRun: Double(draws),
                                       threads: options.threads, note: "Z ~ uniform(3, 30), \(draws) draws per sample; ×60 = draws per minute",
                                       setUp: prepare) {
                var generator = SplitMix64(seed: 2023)
                var sum = 0.0
                for _ in 0..<draws {
                    let z = 3 + 27 * generator.nextOpenUnit()
                    let model = try WaterYieldModel(table: waterYield.table, seasonalityConstant: z)
                    sum += try model.run(fixture.waterYieldLayers!, zones: fixture.subwatersheds!, engine: GridEngine(threadCount: options.threads)).grid.wyield
                }
                return sum
            })
        }
        return BenchmarkGroup(title: "grid \(size)", cases: cases) { _ in
            check(fixture, notes: notes)
            designs.check(notes, size: size)
            fixture.release()
        }
    }

    /// Engine against reference, where both ran.
    private static func check(_ fixture: SyntheticFixture, notes: RunNotes) {
        if let engine = fixture.waterYield, let reference = fixture.waterYieldReference {
            var pairs = [(engine.grid.wyield, reference.grid.wyield), (engine.grid.aet, reference.grid.aet)]
            for id in reference.zoneIDs { pairs.append((engine.zones[id]?.wyield ?? .nan, reference.zones[id]!.wyield)) }
            let worst = maxRelativeDifference(pairs)
            notes.check("water_yield \(fixture.size): engine vs reference", worst <= 1e-5,
                        String(format: "max relative difference of wyield/aet sums over grid and %d zones: %.2e (≤ 1e-5)",
                               reference.zones.count, worst))
        }
        if let engine = fixture.carbon, let reference = fixture.carbonReference {
            var pairs = [(engine.grid.current, reference.grid.current), (engine.grid.future, reference.grid.future),
                         (engine.grid.change, reference.grid.change)]
            for (id, sums) in reference.zones { pairs.append((engine.zones[id]?.current ?? .nan, sums.current)) }
            let worst = maxRelativeDifference(pairs)
            notes.check("carbon \(fixture.size): engine vs reference", worst <= 1e-5,
                        String(format: "max relative difference of current/future/change sums: %.2e (≤ 1e-5)", worst))
        }
    }
}
