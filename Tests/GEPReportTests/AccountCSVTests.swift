import Testing
import GEPCore
import GEPReport

/// The account as CSV: raw CNY and physical units, one row per category, service, service ×
/// ecosystem type, line, import, asset and indicator, against text written by hand.
@Suite struct AccountCSVTests {
    static let expected = #"""
    record,id,category,ecosystem,component,name_zh,name_en,method,physical_value,physical_unit,value_yuan
    category,provisioning,provisioning,,,物质产品,Provisioning services,,,,12345678
    category,regulating,regulating,,,调节服务,Regulating services,,,,4563750
    category,cultural,cultural,,,文化服务,Cultural services,,,,8090572
    service,agricultural_products,provisioning,,,农业产品,Agricultural products,market_value,,t,12345678
    line,agricultural_products,provisioning,paddy,rice,稻谷,Rice,price.rice,2500,t,10000000
    line,agricultural_products,provisioning,dry_farmland,vegetables,蔬菜,Vegetables,price.vegetables,1172.839,t,2345678
    service,forestry_products,provisioning,,,林业产品,Forestry products,not_accounted,,m3,0
    service,water_conservation,regulating,,,水源涵养,Water conservation,water_balance,2281875,m3,4563750
    service_ecosystem,water_conservation,regulating,evergreen_broadleaf_forest,,水源涵养,Water conservation,water_balance,1500000,m3,3000000
    service_ecosystem,water_conservation,regulating,coniferous_forest,,水源涵养,Water conservation,water_balance,781875,m3,1563750
    line,water_conservation,regulating,evergreen_broadleaf_forest,water_storage,水源涵养量,Water retained,price.water_conservation,1500000,m3,3000000
    line,water_conservation,regulating,coniferous_forest,water_storage,水源涵养量,Water retained,price.water_conservation,781875,m3,1563750
    service,soil_retention,regulating,,,土壤保持,Soil retention,usle,0,t,0
    service_ecosystem,soil_retention,regulating,shrub,,土壤保持,Soil retention,usle,0,t,0
    line,soil_retention,regulating,shrub,sediment,泥沙,Sediment,price.sediment_dredging,0,t,0
    service,carbon_sequestration,regulating,,,固碳,Carbon sequestration,disabled,,t_CO2,0
    service,recreation_tourism,cultural,,,休闲旅游,Recreation and tourism,travel_cost,100000,visit,8090572
    service_ecosystem,recreation_tourism,cultural,county_wide,,休闲旅游,Recreation and tourism,travel_cost,100000,visit,8090572
    line,recreation_tourism,cultural,county_wide,visits,游客,Visitors,price.visit,100000,visit,8090572
    import,water_supply,provisioning,,transferred_water,区外调水,Water transferred in,price.water_supply,617250,m3,-1234500
    gross,sum_of_services,,,,各项服务合计,Sum of services,,,,25000000
    total,gep,,,,生态产品总值,Gross ecosystem product,current,,,23765500
    asset,timber_stock,,coniferous_forest,timber_stock,林木蓄积|活立木,"Standing timber, ""live"" stock",price.timber_stock,50000,m3,123456789
    indicator,gep_to_gdp,,,,GEP与GDP之比,GEP / GDP,GEP (current prices) / GDP,0.125,1,
    indicator,gep_per_km2,,,,单位面积GEP,GEP per km²,GEP / region area,250163.16,CNY/km2,
    indicator,gep_per_capita,,,,人均GEP,GEP per capita,GEP / population,475.31,CNY/person,
    indicator,regulating_share,,,,调节服务占比,Regulating share,regulating services / Σ services,0.18255,1,
    indicator,water_yield,,,,产水量,Water yield,"Σ (P − ET)·A, all types",123456789,m3,

    """#

    @Test func csvHasEveryRowInBaseUnits() {
        #expect(AccountCSV.render(TestAccount.account) == Self.expected)
        #expect(AccountReport.render(TestAccount.account, format: .csv, language: .zh) == Self.expected)
    }

    @Test func everyRecordParsesToTheHeaderWidthAndQuotedFieldsRoundTrip() throws {
        let records = try #require(CSVRecords.parse(AccountCSV.render(TestAccount.account)))
        #expect(records.count == 29)
        for record in records { #expect(record.count == AccountCSV.header.count, "\(record)") }
        let asset = try #require(records.first { $0[0] == "asset" })
        #expect(asset[6] == TestAccount.assetLine.labelEN)
        #expect(asset[5] == "林木蓄积|活立木")
        let water = try #require(records.first { $0[1] == "water_yield" })
        #expect(water[7] == "Σ (P − ET)·A, all types")
        // the values of the lines, imports netted, give the total row (an independent sum of the columns)
        let lines = records.filter { $0[0] == "line" }.map { Double($0[10])! }.reduce(0, +)
        let imports = records.filter { $0[0] == "import" }.map { Double($0[10])! }.reduce(0, +)
        let total = try #require(records.first { $0[0] == "total" }.flatMap { Double($0[10]) })
        #expect(lines + imports == total)
    }
}
