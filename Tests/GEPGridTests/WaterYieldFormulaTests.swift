import Testing
import GEPCore
import GEPRaster
@testable import GEPGrid

/// Hand-computed cells for every branch of InVEST's Annual Water Yield formula.
@Suite struct WaterYieldFormulaTests {
    /// Classes: 1 veg root 500 Kc 1; 2 veg root 3000 Kc 1; 3 non-veg Kc 0.3; 4 non-veg Kc 1.05.
    static let table = try! BiophysicalTable(entries: [
        .init(lucode: 1, isVegetated: true, rootDepth: 500, kc: 1),
        .init(lucode: 2, isVegetated: true, rootDepth: 3000, kc: 1),
        .init(lucode: 3, isVegetated: false, rootDepth: 9999, kc: 0.3),
        .init(lucode: 4, isVegetated: false, rootDepth: 9999, kc: 1.05),
    ], file: "hand.csv")

    /// One cell per case: (lulc, P, ET0, soil depth, PAWC).
    static let cells: [(name: String, lulc: Float, p: Float, eto: Float, soil: Float, pawc: Float)] = [
        ("veg, ω below the cap", 1, 1000, 1000, 1000, 0.1),
        ("veg, ω at the cap of 5", 2, 1000, 1000, 3000, 0.2),
        ("non-veg, Kc·ET0 < P", 3, 1500, 1000, 1000, 0.1),
        ("non-veg, Kc·ET0 > P", 4, 1000, 1200, 1000, 0.1),
        ("veg, fractp limited by PET/P", 2, 2000, 30.0002, 3000, 0.3),
        ("P = 0", 1, 0, 1000, 1000, 0.1),
        ("P nodata", 1, -9999, 1000, 1000, 0.1),
        ("P nodata by isclose", 1, -9999.05, 1000, 1000, 0.1),
        ("ET0 nodata", 1, 1000, -9999, 1000, 0.1),
        ("soil depth nodata", 1, 1000, 1000, -9999, 0.1),
        ("PAWC nodata", 1, 1000, 1000, 1000, -9999),
        ("LULC nodata", -1, 1000, 1000, 1000, 0.1),
        ("NaN PAWC", 1, 1000, 1000, 1000, .nan),
        ("NaN P", 1, .nan, 1000, 1000, 0.1),
    ]

    private func layers(_ cells: [(name: String, lulc: Float, p: Float, eto: Float, soil: Float, pawc: Float)]) -> WaterYieldLayers {
        let width = cells.count
        return WaterYieldLayers(
            landCover: intBand("lulc", cells.map(\.lulc), width: width),
            precipitation: floatBand("precip", cells.map(\.p), width: width),
            referenceET: floatBand("eto", cells.map(\.eto), width: width),
            rootRestrictingDepth: floatBand("depth", cells.map(\.soil), width: width),
            plantAvailableWater: floatBand("pawc", cells.map(\.pawc), width: width))
    }

    @Test func everyBranchMatchesItsHandComputedValue() throws {
        let model = try WaterYieldModel(table: Self.table, seasonalityConstant: 10)
        let inputs = layers(Self.cells)
        let collector = OutputCollector(count: 3, geometry: inputs.landCover.geometry)
        let result = try model.run(inputs, engine: GridEngine(threadCount: 1), output: collector.handler)
        let fractp = collector.outputs[WaterYieldOutput.fractp.rawValue]
        let aet = collector.outputs[WaterYieldOutput.aet.rawValue]
        let wyield = collector.outputs[WaterYieldOutput.wyield.rawValue]

        // AWC = min(500, 1000)·0.1 = 50 mm; ω = 10·50/1000 + 1.25 = 1.75; φ = 1;
        // fractp = 2 − 2^(1/1.75) = 0.5140057108630516.
        #expect(abs(Double(fractp[0]) - 0.5140057108630516) < 1e-6)
        #expect(abs(Double(aet[0]) - 514.0057108630516) < 1e-3)
        #expect(abs(Double(wyield[0]) - 485.9942891369484) < 1e-3)
        // AWC = 3000·0.2 = 600 mm; ω = 10·600/1000 + 1.25 = 7.25 → 5; fractp = 2 − 2^0.2 = 0.8513016450029649.
        #expect(abs(Double(fractp[1]) - 0.8513016450029649) < 1e-6)
        // Non-vegetated: fractp = min(0.3·1000, 1500)/1500 = 0.2; AET 300; water yield 1200.
        #expect(abs(fractp[2] - 0.2) < 1e-7 && abs(aet[2] - 300) < 1e-4 && abs(wyield[2] - 1200) < 1e-4)
        // Non-vegetated, PET 1260 > P: fractp = 1, AET = P, no water yield.
        #expect(fractp[3] == 1 && aet[3] == 1000 && wyield[3] == 0)
        // φ = 30.0002/2000 = 0.0150001 and ω = 5: φ^ω vanishes against 1 in Float32 and 1 + φ rounds
        // up, so Fu = fl(1 + φ) − 1 > φ and fractp = φ exactly.
        let phi = Float(30.0002) / 2000
        #expect((1 + phi) - 1 > phi)
        #expect(fractp[4] == phi)
        // Every other case is not valid: −1 outputs.
        for index in 5..<Self.cells.count {
            #expect(fractp[index] == -1 && aet[index] == -1 && wyield[index] == -1, "\(Self.cells[index].name)")
        }
        // Counts: valid cells are the first five. P is valid in cells 0-5 and 8-12;
        // PET exists where LULC and ET0 are valid (all but ET0 nodata and LULC nodata).
        #expect(result.grid.cells == Self.cells.count)
        #expect(result.grid.validCells == 5)
        #expect(result.grid.precipitationCells == 11)
        #expect(result.grid.petCells == 12)
        let precipitationSum: Double = 1000 + 1000 + 1500 + 1000 + 2000 + 0 + 5 * 1000
        #expect(result.grid.precipitation == precipitationSum)
        let expectedAET = [0, 1, 2, 3, 4].reduce(0.0) { $0 + Double(aet[$1]) }
        #expect(result.grid.aet == expectedAET)
        #expect(abs(result.grid.wyieldVolume(cellArea: 900) - [0, 1, 2, 3, 4].reduce(0.0) { $0 + Double(wyield[$1]) } * 0.9) < 1e-9)
    }

    @Test func theEngineMatchesTheScalarReferenceCellByCell() throws {
        let model = try WaterYieldModel(table: Self.table, seasonalityConstant: 10)
        let inputs = layers(Self.cells)
        let collector = OutputCollector(count: 3, geometry: inputs.landCover.geometry)
        let result = try model.run(inputs, output: collector.handler)
        let reference = try WaterYieldReference.run(model, layers: inputs)
        for index in Self.cells.indices {
            #expect(abs(Double(collector.outputs[2][index]) - reference.fractp[index]) < 1e-6, "\(Self.cells[index].name)")
            #expect(abs(Double(collector.outputs[0][index]) - reference.wyield[index]) < 1e-3, "\(Self.cells[index].name)")
        }
        #expect(result.grid.validCells == reference.result.grid.validCells)
        #expect(relativeError(result.grid.wyield, reference.result.grid.wyield) < 1e-6)
    }

    @Test func landCoverMissingFromTheTableListsEveryCodeWithItsCount() throws {
        let model = try WaterYieldModel(table: Self.table, seasonalityConstant: 10)
        let codes: [Float] = [7, 1, 7, 12, 3.5, -1, 70000]
        let width = codes.count
        let inputs = WaterYieldLayers(
            landCover: intBand("lulc.tif", codes, width: width),
            precipitation: floatBand("p", Array(repeating: 1000, count: width), width: width),
            referenceET: floatBand("e", Array(repeating: 1000, count: width), width: width),
            rootRestrictingDepth: floatBand("d", Array(repeating: 1000, count: width), width: width),
            plantAvailableWater: floatBand("w", Array(repeating: 0.1, count: width), width: width))
        let expected = [
            "lulc.tif: land-cover code 3.5 in 1 cell is not in the biophysical table 'hand.csv'",
            "lulc.tif: land-cover code 7 in 2 cells is not in the biophysical table 'hand.csv'",
            "lulc.tif: land-cover code 12 in 1 cell is not in the biophysical table 'hand.csv'",
            "lulc.tif: land-cover code 70000 in 1 cell is not in the biophysical table 'hand.csv'",
        ]
        #expect(diagnostics { _ = try model.run(inputs) }.map(\.description) == expected)
        #expect(diagnostics { _ = try WaterYieldReference.run(model, layers: inputs) }.map(\.description) == expected)
    }

    @Test func aLandCoverNodataValueThatIsAlsoInTheTableIsNodata() throws {
        let model = try WaterYieldModel(table: Self.table, seasonalityConstant: 10)
        let inputs = WaterYieldLayers(
            landCover: intBand("lulc", [1, 2], width: 2, nodata: 1),
            precipitation: floatBand("p", [1000, 1000], width: 2), referenceET: floatBand("e", [1000, 1000], width: 2),
            rootRestrictingDepth: floatBand("d", [1000, 1000], width: 2), plantAvailableWater: floatBand("w", [0.1, 0.1], width: 2))
        let result = try model.run(inputs)
        #expect(result.grid.validCells == 1 && result.grid.petCells == 1)
    }

    @Test func resultsAsCSV() throws {
        let model = try WaterYieldModel(table: Self.table, seasonalityConstant: 10)
        let inputs = layers(Array(Self.cells[2...3]))
        let result = try model.run(inputs, zones: intBand("z", [4, 0], width: 2, nodata: 0))
        #expect(result.csv() == """
            zone,cells,valid_cells,precip_mn,pet_mn,aet_mn,wyield_mn,wyield_vol_m3,wyield_vol_invest_m3
            4,1,1,1500.0,300.0,300.0,1200.0,1080.0,1080.0
            total,2,2,1250.0,780.0,650.0,600.0,1080.0,1080.0

            """)
    }

    @Test func theSeasonalityConstantMustBePositive() {
        #expect(diagnostics { _ = try WaterYieldModel(table: Self.table, seasonalityConstant: 0) }.count == 1)
        #expect(diagnostics { _ = try WaterYieldModel(table: Self.table, seasonalityConstant: .nan) }.count == 1)
    }

    @Test func nodataRulesFollowInVEST() {
        let float = NodataRule(nodata: -9999, isFloatingPoint: true)
        // isclose: |v − (−9999)| ≤ 1e-8 + 1e-5·9999 ≈ 0.09999.
        #expect(float.isNodata(-9999) && float.isNodata(-9999.09) && float.isNodata(-9998.91))
        #expect(!float.isNodata(-9999.11) && !float.isNodata(-9998.89) && !float.isNodata(0))
        #expect(float.isNodata(.nan))
        let integer = NodataRule(nodata: -9999, isFloatingPoint: false)
        #expect(integer.isNodata(-9999) && !integer.isNodata(-9999.05) && integer.isNodata(.nan))
        let none = NodataRule(nodata: nil, isFloatingPoint: true)
        #expect(!none.isNodata(-9999) && !none.isNodata(.infinity) && none.isNodata(.nan))
        let zero = NodataRule(nodata: 0, isFloatingPoint: true)
        #expect(zero.isNodata(0) && zero.isNodata(-0.0) && zero.isNodata(9e-9) && !zero.isNodata(2e-8))
        let huge = NodataRule(nodata: -3.4028234663852886e38, isFloatingPoint: true)
        #expect(huge.isNodata(-.greatestFiniteMagnitude) && huge.isNodata(-3.4028e38) && !huge.isNodata(-3.4e38))
    }
}
