import Testing
import GEPCore
import GEPReport
@testable import GEPGrid

/// The grid account report: the whole grid as an account, then the per-cell services by zone
/// and by land-cover class in 万元 (water yield in 万 m³), against tables written by hand.
///
/// Water conservation at 2 CNY/m³, soil retention at 125 CNY/t:
///
/// | row          | cells | water yield m³ | water m³ → CNY        | soil t → CNY      | total CNY |
/// |--------------|-------|----------------|-----------------------|-------------------|-----------|
/// | zone 0       | 10    | 12,345         | 5,000 → 10,000        | 20 → 2,500        | 12,500    |
/// | zone 1       | 1,200 | 1,234,567      | 1,000,000 → 2,000,000 | 3,000 → 375,000   | 2,375,000 |
/// | zone 2       | 790   | 765,433        | 781,875 → 1,563,750   | 7,000 → 875,000   | 2,438,750 (243.875 万元 → 243.88) |
/// | class 1 (evergreen)  | 1,000 | 1,000,000 | 1,000,000 → 2,000,000 | 4,000 → 500,000 | 2,500,000 |
/// | class 3 (coniferous) | 800 | 900,000   | 781,875 → 1,563,750   | 5,000 → 625,000   | 2,188,750 (218.875 → 218.88) |
/// | class 9 (no type)    | 200 | 112,345   | 5,000 → 10,000        | 1,020 → 127,500   | 137,500   |
/// | sum          | 2,000 | 2,012,345      | 3,573,750 (357.375 → 357.38) | 1,252,500  | 4,826,250 (482.625 → 482.63) |
@Suite struct GridReportTests {
    static func row(_ id: Int, _ ecosystem: EcosystemType?, cells: Double, waterYield: Double, water: Double, soil: Double) -> GridAccount.Row {
        GridAccount.Row(id: id, ecosystem: ecosystem, cells: cells, waterYield: waterYield, physical: [water, soil], values: [water * 2, soil * 125])
    }

    static var account: Account {
        var account = TestAccount.account
        let types: [EcosystemType?] = [.evergreenBroadleafForest, .coniferousForest, nil]
        let water: [Double] = [1_000_000, 781_875, 5_000], soil: [Double] = [4_000, 5_000, 1_020]
        account.services = [
            TestAccount.service(.waterConservation, .accounted, method: "water_balance", formula: "Q = (P − R − ET)·A", unit: "m3",
                                physical: Array(zip(types, water)).map { ($0.0, $0.1) }, total: 1_786_875,
                                lines: zip(types, water).map { (TestAccount.line(.waterConservation, "water_storage", "水源涵养量", "Water retained", $0.0, $0.1, "m3",
                                                                                  price: "price.water_conservation"), $0.1 * 2) }),
            TestAccount.service(.soilRetention, .accounted, method: "usle", formula: "A = R·K·LS·(1 − C·P)", unit: "t",
                                physical: Array(zip(types, soil)).map { ($0.0, $0.1) }, total: 10_020,
                                lines: zip(types, soil).map { (TestAccount.line(.soilRetention, "sediment", "泥沙", "Sediment", $0.0, $0.1, "t",
                                                                                 price: "price.sediment_dredging"), $0.1 * 125) }),
        ]
        account.imports = []
        account.importValues = []
        account.assets = []
        account.assetValues = []
        account.indicators = []
        return account
    }

    static var grid: GridAccount {
        GridAccount(account: account, services: [.waterConservation, .soilRetention],
                    zones: [(name: "township", rows: [row(0, nil, cells: 10, waterYield: 12_345, water: 5_000, soil: 20),
                                                      row(1, nil, cells: 1_200, waterYield: 1_234_567, water: 1_000_000, soil: 3_000),
                                                      row(2, nil, cells: 790, waterYield: 765_433, water: 781_875, soil: 7_000)])],
                    classes: [row(1, .evergreenBroadleafForest, cells: 1_000, waterYield: 1_000_000, water: 1_000_000, soil: 4_000),
                              row(3, .coniferousForest, cells: 800, waterYield: 900_000, water: 781_875, soil: 5_000),
                              row(9, nil, cells: 200, waterYield: 112_345, water: 5_000, soil: 1_020)],
                    cellCount: 2_010, cellArea: 900, unmappedCodes: [12: 5, 15: 2], nodataCells: 3, waterYield: 2_012_345)
    }

    @Test func chineseTableIsTheAccountThenZonesAndClasses() {
        let text = GridReport.render(Self.grid, format: .table, language: .zh)
        let account = AccountTable.render(Self.account, language: .zh)
        #expect(text.hasPrefix(account))
        let expected = """

        按分区：township（0 = 不在任何分区）
        编号   像元  产水量（万m³）  水源涵养（万元）  土壤保持（万元）  合计（万元）
        ─────────────────────────────────────────────────────────────────────────────
        0        10            1.23              1.00              0.25          1.25
        1     1,200          123.46            200.00             37.50        237.50
        2       790           76.54            156.38             87.50        243.88
        合计  2,000          201.23            357.38            125.25        482.63

        按土地覆被类型
        编号           像元  产水量（万m³）  水源涵养（万元）  土壤保持（万元）  合计（万元）
        ─────────────────────────────────────────────────────────────────────────────────────
        1 常绿阔叶林  1,000          100.00            200.00             50.00        250.00
        3 针叶林        800           90.00            156.38             62.50        218.88
        9               200           11.23              1.00             12.75         13.75
        合计          2,000          201.23            357.38            125.25        482.63

        网格：2010 个像元，每个 900.0 m²; 输入缺测像元 3; 未映射的土地覆被像元 7

        """
        #expect(String(text.dropFirst(account.count)) == expected)
    }

    @Test func englishTableLabelsTheZoneColumns() {
        let text = GridReport.render(Self.grid, format: .table, language: .en)
        let expected = """

        By zone: township (0 = outside every zone)
        Id   Cells  Water yield (万 m³)  Water conservation (万元)  Soil retention (万元)  Total (万元)
        ───────────────────────────────────────────────────────────────────────────────────────────────
        0       10                 1.23                       1.00                   0.25          1.25
        1    1,200               123.46                     200.00                  37.50        237.50
        2      790                76.54                     156.38                  87.50        243.88
        Sum  2,000               201.23                     357.38                 125.25        482.63

        """
        #expect(text.contains(expected))
        #expect(text.hasSuffix("\nGrid: 2010 cells of 900.0 m²; cells with a missing input: 3; cells of unmapped land-cover codes: 7\n"))
    }

    @Test func markdownHasTheSameRows() {
        let text = GridReport.render(Self.grid, format: .markdown, language: .en)
        #expect(text.hasPrefix(AccountMarkdown.render(Self.account, language: .en)))
        let zones = """

        ## By zone: township (0 = outside every zone)

        | Id | Cells | Water yield (万 m³) | Water conservation (万元) | Soil retention (万元) | Total (万元) |
        | --- | ---: | ---: | ---: | ---: | ---: |
        | 0 | 10 | 1.23 | 1.00 | 0.25 | 1.25 |
        | 1 | 1,200 | 123.46 | 200.00 | 37.50 | 237.50 |
        | 2 | 790 | 76.54 | 156.38 | 87.50 | 243.88 |
        | Sum | 2,000 | 201.23 | 357.38 | 125.25 | 482.63 |

        ## By land-cover class

        """
        #expect(text.contains(zones))
        #expect(text.contains("| 3 Coniferous forest | 800 | 90.00 | 156.38 | 62.50 | 218.88 |\n"))
    }

    @Test func csvHasOneRowPerBreakdownAndServiceInBaseUnits() {
        let expected = """
        breakdown,set,id,name,ecosystem,cells,service,physical,unit,value_yuan
        zone,township,0,,,10,water_conservation,5000,m3,10000
        zone,township,0,,,10,soil_retention,20,t,2500
        zone,township,1,,,1200,water_conservation,1000000,m3,2000000
        zone,township,1,,,1200,soil_retention,3000,t,375000
        zone,township,2,,,790,water_conservation,781875,m3,1563750
        zone,township,2,,,790,soil_retention,7000,t,875000
        class,,1,,evergreen_broadleaf_forest,1000,water_conservation,1000000,m3,2000000
        class,,1,,evergreen_broadleaf_forest,1000,soil_retention,4000,t,500000
        class,,3,,coniferous_forest,800,water_conservation,781875,m3,1563750
        class,,3,,coniferous_forest,800,soil_retention,5000,t,625000
        class,,9,,,200,water_conservation,5000,m3,10000
        class,,9,,,200,soil_retention,1020,t,127500
        total,,,,,2010,water_conservation,1786875,m3,3573750
        total,,,,,2010,soil_retention,10020,t,1252500

        """
        #expect(GridReport.render(Self.grid, format: .csv, language: .en) == expected)
    }

    @Test func jsonHasZonesClassesAndGridInBaseUnits() throws {
        let text = GridReport.render(Self.grid, format: .json, language: .en)
        guard case let .object(root) = try JSON(JSONParser.parse(text, file: "grid.json")),
              case let .object(zones)? = root["zones"], case let .array(township)? = zones["township"], case let .array(classes)? = root["classes"]
        else { Issue.record("unexpected shape: \(text)"); return }
        #expect(root["account"] == AccountJSON.value(Self.account))
        #expect(root["grid"] == ["cells": 2_010, "cell_area_m2": 900, "nodata_cells": 3,
                                 "unmapped_codes": [["lucode": 12, "cells": 5], ["lucode": 15, "cells": 2]]])
        #expect(township.count == 3)
        #expect(township[2] == ["id": 2, "cells": 790, "total_yuan": 2_438_750, "water_yield_m3": 765_433,
                                "services": [["id": "water_conservation", "physical": 781_875, "unit": "m3", "value_yuan": 1_563_750],
                                             ["id": "soil_retention", "physical": 7_000, "unit": "t", "value_yuan": 875_000]]])
        #expect(classes.count == 3)
        #expect(classes[1] == ["lucode": 3, "ecosystem": "coniferous_forest", "cells": 800, "total_yuan": 2_188_750, "water_yield_m3": 900_000,
                               "services": [["id": "water_conservation", "physical": 781_875, "unit": "m3", "value_yuan": 1_563_750],
                                            ["id": "soil_retention", "physical": 5_000, "unit": "t", "value_yuan": 625_000]]])
        #expect(classes[2] == ["lucode": 9, "cells": 200, "total_yuan": 137_500, "water_yield_m3": 112_345,
                               "services": [["id": "water_conservation", "physical": 5_000, "unit": "m3", "value_yuan": 10_000],
                                            ["id": "soil_retention", "physical": 1_020, "unit": "t", "value_yuan": 127_500]]])
    }
}
