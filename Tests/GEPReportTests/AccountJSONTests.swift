import Testing
import GEPCore
import GEPReport

/// The account as JSON: raw CNY, both names, every line, keys sorted, against text written by hand.
@Suite struct AccountJSONTests {
    static let expected = #"""
    {
      "assets": [
        {
          "component": "timber_stock",
          "ecosystem": "coniferous_forest",
          "label_en": "Standing timber, \"live\" stock",
          "label_zh": "林木蓄积|活立木",
          "price": "price.timber_stock",
          "quantity": 50000,
          "unit": "m3",
          "value_yuan": 123456789
        }
      ],
      "assets_note": "ecological assets are stocks, valued apart and never added to GEP",
      "by_ecosystem": [
        {
          "ecosystem": "evergreen_broadleaf_forest",
          "value_yuan": 3000000
        },
        {
          "ecosystem": "coniferous_forest",
          "value_yuan": 1563750
        },
        {
          "ecosystem": "shrub",
          "value_yuan": 0
        },
        {
          "ecosystem": "paddy",
          "value_yuan": 10000000
        },
        {
          "ecosystem": "dry_farmland",
          "value_yuan": 2345678
        },
        {
          "ecosystem": "county_wide",
          "value_yuan": 8090572
        }
      ],
      "categories": [
        {
          "id": "provisioning",
          "name_en": "Provisioning services",
          "name_zh": "物质产品",
          "value_yuan": 12345678
        },
        {
          "id": "regulating",
          "name_en": "Regulating services",
          "name_zh": "调节服务",
          "value_yuan": 4563750
        },
        {
          "id": "cultural",
          "name_en": "Cultural services",
          "name_zh": "文化服务",
          "value_yuan": 8090572
        }
      ],
      "coefficient_layers": [
        "national",
        "test"
      ],
      "coefficients": [
        {
          "base_year": 2020,
          "high": 2.4,
          "id": "price.water_conservation",
          "index_factor": 1.25,
          "low": 1.2,
          "origin": "test",
          "source": "test: reservoir cost",
          "unit": "CNY/m3",
          "used_by": [
            "water_conservation"
          ],
          "value": 1.6,
          "value_at_price_year": 2
        },
        {
          "base_year": 2020,
          "domain": "[0, 1]",
          "id": "runoff_coefficient.coniferous_forest",
          "note": "test note",
          "origin": "national",
          "source": "test: runoff plots",
          "unit": "1",
          "used_by": [
            "water_conservation"
          ],
          "value": 0.35
        }
      ],
      "format": "gep.account/1",
      "gross_yuan": 25000000,
      "imports": [
        {
          "component": "transferred_water",
          "ecosystem": "county_wide",
          "label_en": "Water transferred in",
          "label_zh": "区外调水",
          "price": "price.water_supply",
          "quantity": 617250,
          "service": "water_supply",
          "unit": "m3",
          "value_yuan": 1234500
        }
      ],
      "imports_yuan": 1234500,
      "indicators": [
        {
          "formula": "GEP (current prices) / GDP",
          "id": "gep_to_gdp",
          "name_en": "GEP / GDP",
          "name_zh": "GEP与GDP之比",
          "unit": "1",
          "value": 0.125
        },
        {
          "formula": "GEP / region area",
          "id": "gep_per_km2",
          "name_en": "GEP per km²",
          "name_zh": "单位面积GEP",
          "unit": "CNY/km2",
          "value": 250163.16
        },
        {
          "formula": "GEP / population",
          "id": "gep_per_capita",
          "name_en": "GEP per capita",
          "name_zh": "人均GEP",
          "unit": "CNY/person",
          "value": 475.31
        },
        {
          "formula": "regulating services / Σ services",
          "id": "regulating_share",
          "name_en": "Regulating share",
          "name_zh": "调节服务占比",
          "unit": "1",
          "value": 0.18255
        },
        {
          "formula": "Σ (P − ET)·A, all types",
          "id": "water_yield",
          "name_en": "Water yield",
          "name_zh": "产水量",
          "unit": "m3",
          "value": 123456789
        }
      ],
      "input": "test-2023.json",
      "price_basis": {
        "basis": "current",
        "currency": "CNY",
        "price_index": "test_cpi",
        "price_year": 2023
      },
      "region": {
        "area_km2": 95,
        "id": "test_county",
        "name_en": "Test County",
        "name_zh": "试验县"
      },
      "services": [
        {
          "by_ecosystem": [],
          "category": "provisioning",
          "formula": "Σ Q·P",
          "id": "agricultural_products",
          "lines": [
            {
              "component": "rice",
              "ecosystem": "paddy",
              "label_en": "Rice",
              "label_zh": "稻谷",
              "price": "price.rice",
              "quantity": 2500,
              "unit": "t",
              "value_yuan": 10000000
            },
            {
              "component": "vegetables",
              "ecosystem": "dry_farmland",
              "factors": [
                "share.marketed"
              ],
              "label_en": "Vegetables",
              "label_zh": "蔬菜",
              "price": "price.vegetables",
              "quantity": 1172.839,
              "unit": "t",
              "value_yuan": 2345678
            }
          ],
          "method": "market_value",
          "name_en": "Agricultural products",
          "name_zh": "农业产品",
          "notes": [],
          "physical": {
            "unit": "t",
            "value": null
          },
          "status": "accounted",
          "value_yuan": 12345678
        },
        {
          "category": "provisioning",
          "id": "forestry_products",
          "method": null,
          "name_en": "Forestry products",
          "name_zh": "林业产品",
          "physical": {
            "unit": "m3",
            "value": null
          },
          "reason": "no input section for this service",
          "status": "not_accounted",
          "value_yuan": 0
        },
        {
          "by_ecosystem": [
            {
              "ecosystem": "evergreen_broadleaf_forest",
              "physical": 1500000,
              "value_yuan": 3000000
            },
            {
              "ecosystem": "coniferous_forest",
              "physical": 781875,
              "value_yuan": 1563750
            }
          ],
          "category": "regulating",
          "formula": "Q = (P − R − ET)·A",
          "id": "water_conservation",
          "lines": [
            {
              "component": "water_storage",
              "ecosystem": "evergreen_broadleaf_forest",
              "label_en": "Water retained",
              "label_zh": "水源涵养量",
              "price": "price.water_conservation",
              "quantity": 1500000,
              "unit": "m3",
              "value_yuan": 3000000
            },
            {
              "component": "water_storage",
              "ecosystem": "coniferous_forest",
              "label_en": "Water retained",
              "label_zh": "水源涵养量",
              "price": "price.water_conservation",
              "quantity": 781875,
              "unit": "m3",
              "value_yuan": 1563750
            }
          ],
          "method": "water_balance",
          "name_en": "Water conservation",
          "name_zh": "水源涵养",
          "notes": [
            "runoff floored at 0 for water"
          ],
          "physical": {
            "unit": "m3",
            "value": 2281875
          },
          "status": "accounted",
          "value_yuan": 4563750
        },
        {
          "by_ecosystem": [
            {
              "ecosystem": "shrub",
              "physical": 0,
              "value_yuan": 0
            }
          ],
          "category": "regulating",
          "formula": "A = R·K·LS·(1 − C·P)",
          "id": "soil_retention",
          "lines": [
            {
              "component": "sediment",
              "ecosystem": "shrub",
              "label_en": "Sediment",
              "label_zh": "泥沙",
              "price": "price.sediment_dredging",
              "quantity": 0,
              "unit": "t",
              "value_yuan": 0
            }
          ],
          "method": "usle",
          "name_en": "Soil retention",
          "name_zh": "土壤保持",
          "notes": [],
          "physical": {
            "unit": "t",
            "value": 0
          },
          "status": "accounted",
          "value_yuan": 0
        },
        {
          "category": "regulating",
          "id": "carbon_sequestration",
          "method": "stock_change",
          "name_en": "Carbon sequestration",
          "name_zh": "固碳",
          "physical": {
            "unit": "t_CO2",
            "value": null
          },
          "reason": "switched off in the input",
          "status": "disabled",
          "value_yuan": 0
        },
        {
          "by_ecosystem": [
            {
              "ecosystem": "county_wide",
              "physical": 100000,
              "value_yuan": 8090572
            }
          ],
          "category": "cultural",
          "formula": "visits × spending",
          "id": "recreation_tourism",
          "lines": [
            {
              "component": "visits",
              "ecosystem": "county_wide",
              "label_en": "Visitors",
              "label_zh": "游客",
              "price": "price.visit",
              "quantity": 100000,
              "unit": "visit",
              "value_yuan": 8090572
            }
          ],
          "method": "travel_cost",
          "name_en": "Recreation and tourism",
          "name_zh": "休闲旅游",
          "notes": [],
          "physical": {
            "unit": "visit",
            "value": 100000
          },
          "status": "accounted",
          "value_yuan": 8090572
        }
      ],
      "total_yuan": 23765500,
      "year": 2023
    }

    """#

    @Test func jsonCarriesEveryFigureInCNYWithSortedKeys() {
        #expect(AccountJSON.render(TestAccount.account) == Self.expected)
        #expect(AccountReport.render(TestAccount.account, format: .json, language: .en) == Self.expected)
    }

    @Test func jsonParsesBackAndItsTotalIsGrossLessImports() throws {
        let parsed = try JSON(JSONParser.parse(AccountJSON.render(TestAccount.account), file: "account.json"))
        #expect(parsed == AccountJSON.value(TestAccount.account))
        guard case let .object(root) = parsed, case let .number(gross)? = root["gross_yuan"], case let .number(imports)? = root["imports_yuan"],
              case let .number(total)? = root["total_yuan"] else { Issue.record("missing totals"); return }
        #expect(gross - imports == total)
        #expect(total == 23_765_500)
    }
}
