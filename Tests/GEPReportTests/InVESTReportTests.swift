import Testing
import GEPCore
import GEPGrid
import GEPReport

/// The InVEST-style carbon and water-yield results as tables, CSV and JSON, against hand figures.
///
/// Carbon: storage = Σ density (Mg C/ha) × cell area (900 m² = 0.09 ha): zone 1 has Σ 100,000
/// now and 120,000 later (9,000 → 10,800 Mg C, +1,800), zone 2 Σ 4,010 → 3,010 (360.9 → 270.9,
/// −90), the grid (with 5 unzoned cells) Σ 104,010 → 123,010 (9,360.9 → 11,070.9, +1,710).
///
/// Water yield: means are sums over counted cells; volume = Σ wyield (mm) × 900 m² / 1000 and
/// InVEST's volume = mean × all the zone's cells × 900 / 1000.
@Suite struct InVESTReportTests {
    static func carbon(_ cells: Int, _ current: Double, _ future: Double) -> CarbonSums {
        CarbonSums(cells: cells, currentCells: cells, current: current, futureCells: cells, future: future, changeCells: cells, change: future - current)
    }

    static let carbonResult = CarbonResult(grid: carbon(1_055, 104_010, 123_010), zones: [2: carbon(50, 4_010, 3_010), 1: carbon(1_000, 100_000, 120_000)],
                                           unzoned: carbon(5, 0, 0), cellArea: 900, hasFuture: true)

    @Test func carbonTableShowsMgCPerZoneAndTheTotalBelowARule() {
        let expected = """
        Carbon storage and sequestration (InVEST 3.20 method)
        zone   current (Mg C)  future (Mg C)  sequestration (Mg C)  cells
        ─────────────────────────────────────────────────────────────────
        1             9,000.0       10,800.0               1,800.0  1,000
        2               360.9          270.9                 -90.0     50
        ─────────────────────────────────────────────────────────────────
        total         9,360.9       11,070.9               1,710.0  1,055

        """
        #expect(CarbonReport.render(Self.carbonResult, format: "table") == expected)
    }

    @Test func carbonCSVAndJSONAreInMgC() throws {
        let csv = """
        zone,cells,current_storage_mg_c,future_storage_mg_c,sequestration_mg_c
        1,1000,9000,10800,1800
        2,50,360.9,270.9,-90
        total,1055,9360.9,11070.9,1710

        """
        #expect(CarbonReport.render(Self.carbonResult, format: "csv") == csv)
        var current = Self.carbonResult
        current.hasFuture = false
        #expect(CarbonReport.render(current, format: "csv").hasSuffix("\n2,50,360.9,,\ntotal,1055,9360.9,,\n"))
        #expect(CarbonReport.render(current, format: "table").contains("\nzone   current (Mg C)  cells\n"))
        let json = try JSON(JSONParser.parse(CarbonReport.render(Self.carbonResult, format: "json"), file: "carbon.json"))
        #expect(json == ["cell_area_m2": 900,
                         "total": ["id": "total", "cells": 1_055, "current_cells": 1_055, "current_storage_mg_c": 9_360.9,
                                   "future_storage_mg_c": 11_070.9, "sequestration_mg_c": 1_710],
                         "zones": [["id": 1, "cells": 1_000, "current_cells": 1_000, "current_storage_mg_c": 9_000,
                                    "future_storage_mg_c": 10_800, "sequestration_mg_c": 1_800],
                                   ["id": 2, "cells": 50, "current_cells": 50, "current_storage_mg_c": 360.9,
                                    "future_storage_mg_c": 270.9, "sequestration_mg_c": -90]]])
    }

    static func water(cells: Int, counted: Int, precipitation: Double, pet: Double, aet: Double, wyield: Double) -> WaterYieldSums {
        WaterYieldSums(cells: cells, precipitationCells: counted, precipitation: precipitation, petCells: counted, pet: pet,
                       validCells: counted, aet: aet, wyield: wyield, fractp: 0)
    }

    /// Zone 1: 4 valid cells, means 1,500 / 1,000 / 600 / 900 mm, volume 3,600 × 0.9 = 3,240 m³;
    /// zone 2: 2 of 3 cells valid, means 1,500.5 / 1,000 / 600.5 / 900, volume 1,620 (InVEST: 900 × 3 × 0.9 = 2,430);
    /// zone 3: no valid cell. Grid: 6 of 8 valid, means 9,001/6 = 1,500.17, 1,000, 3,601/6 = 600.17, 900; volume 4,860.
    static let waterResult = WaterYieldResult(
        grid: water(cells: 8, counted: 6, precipitation: 9_001, pet: 6_000, aet: 3_601, wyield: 5_400),
        zones: [1: water(cells: 4, counted: 4, precipitation: 6_000, pet: 4_000, aet: 2_400, wyield: 3_600),
                2: water(cells: 3, counted: 2, precipitation: 3_001, pet: 2_000, aet: 1_201, wyield: 1_800),
                3: water(cells: 1, counted: 0, precipitation: 0, pet: 0, aet: 0, wyield: 0)],
        unzoned: .zero, cellArea: 900)

    @Test func waterYieldTableShowsMeansVolumesAndNaForEmptyZones() {
        let expected = """
        Annual water yield (InVEST 3.20 method; mm, m³)
        zone   precip_mn    pet_mn  aet_mn  wyield_mn  wyield_vol_m3  valid_cells
        ─────────────────────────────────────────────────────────────────────────
        1       1,500.00  1,000.00  600.00     900.00          3,240            4
        2       1,500.50  1,000.00  600.50     900.00          1,620            2
        3            n/a       n/a     n/a        n/a              0            0
        ─────────────────────────────────────────────────────────────────────────
        total   1,500.17  1,000.00  600.17     900.00          4,860            6

        """
        #expect(WaterYieldReport.render(Self.waterResult, format: "table") == expected)
    }

    @Test func waterYieldJSONHasBothVolumeConventions() throws {
        guard case let .object(root) = try JSON(JSONParser.parse(WaterYieldReport.render(Self.waterResult, format: "json"), file: "wy.json")),
              case let .array(zones)? = root["zones"] else { Issue.record("unexpected shape"); return }
        #expect(root["cell_area_m2"] == 900)
        #expect(zones.count == 3)
        #expect(zones[1] == ["id": 2, "precip_mn": 1_500.5, "pet_mn": 1_000, "aet_mn": 600.5, "wyield_mn": 900, "wyield_vol_m3": 1_620,
                             "wyield_vol_invest_m3": 2_430, "valid_cells": 2, "cells": 3])
        #expect(zones[2] == ["id": 3, "precip_mn": nil, "pet_mn": nil, "aet_mn": nil, "wyield_mn": nil, "wyield_vol_m3": 0,
                             "wyield_vol_invest_m3": nil, "valid_cells": 0, "cells": 1])
        #expect(WaterYieldReport.render(Self.waterResult, format: "csv") == Self.waterResult.csv())
    }
}
