import Testing
import GEPCore
@testable import GEPGrid

/// The InVEST biophysical and carbon pools tables.
@Suite struct TableTests {
    @Test func referenceBiophysicalTable() throws {
        let table = try Fixture.biophysicalTable()
        #expect(table.entries.map(\.lucode) == Array(1...10))
        #expect(table.parameters.count == 11)
        #expect(table.parameters[0] == nil)
        #expect(table.parameters[1] == WaterYieldClassParameters(kc: 1, rootDepth: 3500, isVegetated: true))
        #expect(table.parameters[2] == WaterYieldClassParameters(kc: Float(0.95), rootDepth: 3000, isVegetated: true))
        // Non-vegetated classes get root depth 1, as InVEST sets it.
        #expect(table.parameters[9] == WaterYieldClassParameters(kc: Float(1.05), rootDepth: 1, isVegetated: false))
    }

    @Test func headersAreTrimmedAndCaseInsensitiveAndExtraColumnsAllowed() throws {
        let text = " LUCODE ,name,Lulc_Veg,ROOT_DEPTH, Kc \n7,paddy,1,600,0.8\n"
        let table = try BiophysicalTable.parse(Array(text.utf8), file: "b.csv")
        #expect(table.entries == [BiophysicalTable.Entry(lucode: 7, isVegetated: true, rootDepth: 600, kc: 0.8)])
    }

    @Test func everyBiophysicalProblemIsListedWithItsLine() {
        let text = """
        lucode,lulc_veg,root_depth,kc
        1,1,3500,1.0
        1,1,3000,0.9
        2,2,100,0.5
        x,1,100,0.5
        3,1,abc,
        -4,0,1,0.3
        70000,0,1,0.3
        5.5,0,1,0.3
        6,0,-1,-0.2
        """
        let found = diagnostics { _ = try BiophysicalTable.parse(Array(text.utf8), file: "bio.csv") }
        #expect(found.map(\.description) == [
            "bio.csv:3: duplicate lucode 1 (first on line 2)",
            "bio.csv:4: lulc_veg must be 0 or 1, found 2",
            "bio.csv:5: column 'lucode': 'x' is not a finite number",
            "bio.csv:6: column 'root_depth': 'abc' is not a finite number",
            "bio.csv:6: column 'kc' is empty",
            "bio.csv:7: lucode must be an integer from 0 to 65535, found -4",
            "bio.csv:8: lucode must be an integer from 0 to 65535, found 70000",
            "bio.csv:9: lucode must be an integer from 0 to 65535, found 5.5",
            "bio.csv:10: root_depth must not be negative, found -1",
            "bio.csv:10: kc must not be negative, found -0.2",
        ])
    }

    @Test func missingAndRepeatedColumnsAreListed() {
        let found = diagnostics { _ = try BiophysicalTable.parse(Array("lucode,KC,kc\n1,1,1\n".utf8), file: "bio.csv") }
        #expect(found.map(\.description) == [
            "bio.csv:1: missing column 'lulc_veg'",
            "bio.csv:1: missing column 'root_depth'",
            "bio.csv:1: column 'kc' appears 2 times",
        ])
    }

    @Test func referenceCarbonPools() throws {
        let pools = try Fixture.carbonPools()
        #expect(pools.entries.count == 10)
        #expect(pools.totalDensity[1] == 189)
        #expect(pools.totalDensity[3] == 165.5)
        #expect(pools.totalDensity[9] == 0)
        #expect(pools.totalDensity[0] == nil)
    }

    @Test func everyCarbonProblemIsListed() {
        let text = "lucode,c_above,c_below,c_soil\n1,1,2,x\n1,1,2,3\n"
        let found = diagnostics { _ = try CarbonPoolTable.parse(Array(text.utf8), file: "c.csv") }
        #expect(found.map(\.description) == ["c.csv:1: missing column 'c_dead'"])
        let text2 = "lucode,c_above,c_below,c_soil,c_dead\n1,1,2,x,0\n1,1,2,3,\n"
        let found2 = diagnostics { _ = try CarbonPoolTable.parse(Array(text2.utf8), file: "c.csv") }
        #expect(found2.map(\.description) == [
            "c.csv:2: column 'c_soil': 'x' is not a finite number",
            "c.csv:3: duplicate lucode 1 (first on line 2)",
            "c.csv:3: column 'c_dead' is empty",
        ])
    }

    @Test func tablesBuiltInCodeAreChecked() {
        let found = diagnostics {
            _ = try BiophysicalTable(entries: [.init(lucode: 1, isVegetated: true, rootDepth: .nan, kc: 1),
                                               .init(lucode: 1, isVegetated: false, rootDepth: 1, kc: 1)])
        }
        #expect(found.map(\.message) == ["lucode 1: root_depth must be a number from 0 to 3.4e38 (a 32-bit float)", "duplicate lucode 1"])
    }
}
