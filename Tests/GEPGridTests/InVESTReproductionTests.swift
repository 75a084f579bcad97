import Testing
import GEPCore
import GEPRaster
@testable import GEPGrid

/// Reproduces InVEST 3.20.2's own results on the 200 × 200 reference grid (Fixtures/*.asc;
/// figures from Fixtures/invest-expected.json).
///
/// Observed agreement on Linux (the tolerances asserted are looser, for other platforms'
/// `powf`): zone means and volumes within 1.1e-7 relative, whole-grid figures within 4.4e-8,
/// per-class means within 1.5e-7 (InVEST sums Float32 blocks, and its per-class figures are
/// Float32 means; we sum in Double), carbon totals exact, NPV within 5e-9, probe pixels within
/// one Float32 ulp (numpy's vectorised `powf` need not round exactly as glibc's does).
@Suite struct InVESTReproductionTests {
    static let tolerance = 1e-6

    private func model() throws -> WaterYieldModel {
        try WaterYieldModel(table: Fixture.biophysicalTable(), seasonalityConstant: Fixture.expected().number("seasonality_constant_z"))
    }

    /// The four InVEST means of each zone match, and InVEST's volume convention.
    ///
    /// InVEST's `wyield_vol` is `wyield_mn × polygon.Area() / 1000`: the mean over valid
    /// pixels spread over the whole polygon. Our `wyieldVolume` is the cell sum Σ wyield ×
    /// 1e-3 × cell area over valid cells, which differs wherever a zone has invalid cells. The
    /// reference gives the polygon areas, and the zone rasters are pixel-centre rasterisations
    /// of the polygons whose areas equal their cell counts × 900 m², so InVEST's figure is
    /// `investVolume` (mean × all zone cells × cell area / 1000); the cell-sum definition is
    /// checked against the whole-grid valid-pixel sum the reference provides.
    @Test(arguments: ["ws_id", "subws_id"])
    func zoneMeansAndVolumes(zoneLayer: String) throws {
        let expected = try Fixture.expected()
        let key = zoneLayer == "ws_id" ? "watersheds" : "subwatersheds"
        let result = try model().run(Fixture.waterYieldLayers(), zones: Fixture.band(zoneLayer))
        let ids = expected["awy"]?[key]?.members?.map { Int($0.key)! } ?? []
        #expect(result.zoneIDs == ids)
        var investTotal = 0.0
        for id in ids {
            let sums = try #require(result.zones[id])
            let figure = { (name: String) in expected.number("awy", key, String(id), name) }
            #expect(relativeError(sums.precipitationMean!, figure("precip_mn")) < Self.tolerance, "\(key) \(id) precip_mn")
            #expect(relativeError(sums.petMean!, figure("PET_mn")) < Self.tolerance, "\(key) \(id) PET_mn")
            #expect(relativeError(sums.aetMean!, figure("AET_mn")) < Self.tolerance, "\(key) \(id) AET_mn")
            #expect(relativeError(sums.wyieldMean!, figure("wyield_mn")) < Self.tolerance, "\(key) \(id) wyield_mn")
            #expect(Double(sums.cells) * result.cellArea == expected.number("polygon_area_m2", zoneLayer, String(id)))
            let volume = try #require(sums.investVolume(cellArea: result.cellArea))
            #expect(relativeError(volume, figure("wyield_vol")) < Self.tolerance, "\(key) \(id) wyield_vol")
            #expect(relativeError(sums.wyieldVolume(cellArea: 900), sums.wyieldMean! * Double(sums.validCells) * 0.9) < 1e-12)
            investTotal += volume
        }
        let totalKey = zoneLayer == "ws_id" ? "total_wyield_vol_m3_invest" : "total_wyield_vol_m3_subws_sum"
        #expect(relativeError(investTotal, expected.number("awy", totalKey)) < Self.tolerance)
    }

    @Test func wholeGridSumsAndMeans() throws {
        let expected = try Fixture.expected()
        let grid = try model().run(Fixture.waterYieldLayers()).grid
        #expect(Double(grid.cells) == expected.number("awy", "n_pixels"))
        #expect(Double(grid.validCells) == expected.number("awy", "n_valid_pixels"))
        #expect(relativeError(grid.aetMean!, expected.number("awy", "mean_aet_mm_valid_pixels")) < Self.tolerance)
        #expect(relativeError(grid.wyieldMean!, expected.number("awy", "mean_wyield_mm_valid_pixels")) < Self.tolerance)
        #expect(relativeError(grid.fractpMean!, expected.number("awy", "mean_fractp_valid_pixels")) < Self.tolerance)
        #expect(relativeError(grid.wyieldVolume(cellArea: expected.number("awy", "pixel_area_m2")),
                              expected.number("awy", "total_wyield_vol_m3_valid_pixel_sum")) < Self.tolerance)
        #expect(Double(grid.precipitationCells) == expected.number("layer_valid_counts", "precip"))
    }

    /// Per land-cover class means, with the land-cover raster itself as the zone layer.
    @Test func perClassMeans() throws {
        let expected = try Fixture.expected()
        let result = try model().run(Fixture.waterYieldLayers(), zones: Fixture.band("lulc_cur"))
        for member in expected["awy"]?["per_lucode_mean_mm"]?.members ?? [] {
            let sums = try #require(result.zones[Int(member.key)!])
            #expect(Double(sums.validCells) == member.value.number("n"))
            #expect(relativeError(sums.aetMean!, member.value.number("aet")) < Self.tolerance, "class \(member.key) aet")
            #expect(relativeError(sums.wyieldMean!, member.value.number("wyield")) < Self.tolerance, "class \(member.key) wyield")
            #expect(relativeError(sums.fractpMean!, member.value.number("fractp")) < Self.tolerance, "class \(member.key) fractp")
        }
    }

    /// InVEST's own per-pixel outputs at probe pixels: within 1e-6 (fractp) and 1e-3 mm
    /// (observed: one Float32 ulp at most).
    @Test func probePixels() throws {
        let expected = try Fixture.expected()
        let layers = try Fixture.waterYieldLayers()
        let collector = OutputCollector(count: 3, geometry: layers.landCover.geometry)
        _ = try model().run(layers, engine: GridEngine(threadCount: 2, bandHeight: 64), output: collector.handler)
        let precipitation = try Fixture.band("precip").values
        for probe in expected["awy"]?["probe_pixels"]?.elements ?? [] {
            let index = Int(probe.number("row")) * 200 + Int(probe.number("col"))
            #expect(Double(precipitation[index]) == probe.number("precip"))
            for output in WaterYieldOutput.allCases {
                let value = collector.outputs[output.rawValue][index]
                if probe[output.name]?.isNull == true {
                    #expect(value == WaterYieldOutput.nodata)
                } else {
                    let tolerance = output == .fractp ? 1e-6 : 1e-3
                    #expect(abs(Double(value) - probe.number(output.name)) <= tolerance, "\(output) at \(index)")
                }
            }
        }
    }

    /// The scalar reference agrees with InVEST too.
    @Test func theScalarReferenceAgrees() throws {
        let expected = try Fixture.expected()
        let reference = try WaterYieldReference.run(model(), layers: Fixture.waterYieldLayers(), zones: Fixture.band("ws_id"))
        for id in [1, 2] {
            let sums = try #require(reference.result.zones[id])
            #expect(relativeError(sums.wyieldMean!, expected.number("awy", "watersheds", String(id), "wyield_mn")) < Self.tolerance)
            #expect(relativeError(sums.petMean!, expected.number("awy", "watersheds", String(id), "PET_mn")) < Self.tolerance)
        }
    }

    @Test func carbonTotals() throws {
        let expected = try Fixture.expected()
        let result = try CarbonModel(pools: Fixture.carbonPools()).run(current: Fixture.band("lulc_cur"), future: Fixture.band("lulc_fut"))
        #expect(relativeError(result.currentStorage, expected.number("carbon", "stored_current_MgC")) < 1e-12)
        #expect(relativeError(result.futureStorage, expected.number("carbon", "stored_future_MgC")) < 1e-12)
        #expect(relativeError(result.sequestration, expected.number("carbon", "sequestration_MgC")) < 1e-12)
        #expect(Double(result.grid.currentCells) == expected.number("carbon", "n_valid_pixels"))
        #expect(relativeError(result.grid.currentMeanDensity!, expected.number("carbon", "mean_density_current_MgC_per_ha")) < 1e-12)
        #expect(relativeError(result.grid.futureMeanDensity!, expected.number("carbon", "mean_density_future_MgC_per_ha")) < 1e-12)
        let valuation = CarbonValuation(
            pricePerTonne: expected.number("carbon", "valuation_inputs", "price_per_t_C"),
            baseYear: Int(expected.number("carbon", "valuation_inputs", "bas_year")),
            alternateYear: Int(expected.number("carbon", "valuation_inputs", "alt_year")),
            discountRatePercent: expected.number("carbon", "valuation_inputs", "discount_rate_pct"),
            rateChangePercent: expected.number("carbon", "valuation_inputs", "rate_change_pct"))
        // InVEST sums Float32 per-pixel NPVs; we multiply the Double total: 5e-9 apart.
        #expect(relativeError(valuation.netPresentValue(ofSequestration: result.sequestration),
                              expected.number("carbon", "npv_sequestration")) < 1e-7)
    }
}
