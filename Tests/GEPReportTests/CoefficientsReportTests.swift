import Testing
import GEPCore
import GEPReport

/// The effective coefficient set: the value in force, its range, domain, layer and what it
/// replaced, against text written by hand.
@Suite struct CoefficientsReportTests {
    static func effective() throws -> EffectiveCoefficients {
        let national = try CoefficientSet.parse(Array(#"""
        {"id": "national", "name_en": "N", "name_zh": "国", "price_index": "test_cpi", "coefficients": [
          {"id": "price.water", "value": 1.6, "unit": "CNY/m3", "base_year": 2020, "low": 1.2, "high": 2.4, "source": "national: test"},
          {"id": "runoff.k", "value": 0.35, "unit": "1", "base_year": 2020, "domain": "[0, 1]", "source": "national: plots", "note": "plots only"}
        ]}
        """#.utf8), file: "national.json")
        let county = try CoefficientSet.parse(Array(#"""
        {"id": "test", "extends": "national", "name_en": "T", "name_zh": "试", "coefficients": [
          {"id": "price.water", "value": 2, "unit": "CNY/m3", "base_year": 2023, "low": 1.5, "source": "test: county"}
        ]}
        """#.utf8), file: "test.json")
        let index = PriceIndex(id: "test_cpi", nameEN: "Test index", source: "test: index", levels: [2020: 100, 2023: 110], file: "test_cpi.json")
        let library = CoefficientLibrary(directory: "", sets: ["national": national, "test": county], priceIndices: ["test_cpi": index])
        return try EffectiveCoefficients.resolve(library: library, setID: "test")
    }

    @Test func tableShowsTheValueInForceAndWhatItReplaced() throws {
        let expected = """
        Effective coefficients: national → test; price index test_cpi

        Coefficient  Value  Unit    Base year  Range  Domain  Set       Replaces
        ─────────────────────────────────────────────────────────────────────────────
        price.water      2  CNY/m3       2023  1.5–…          test      national: 1.6
        runoff.k      0.35  1            2020         [0, 1]  national

        Sources
          price.water: test: county
          runoff.k: national: plots — plots only

        """
        #expect(CoefficientsReport.render(try Self.effective(), format: .table, language: .en) == expected)
    }

    @Test func csvQuotesTheDomainAndKeepsRawNumbers() throws {
        let expected = """
        id,value,unit,base_year,low,high,domain,origin,replaces,source,note
        price.water,2,CNY/m3,2023,1.5,,,test,national: 1.6,test: county,
        runoff.k,0.35,1,2020,,,"[0, 1]",national,,national: plots,plots only

        """
        #expect(CoefficientsReport.render(try Self.effective(), format: .csv, language: .en) == expected)
    }

    @Test func markdownAndJSONCarryTheSameHistory() throws {
        let effective = try Self.effective()
        let markdown = CoefficientsReport.render(effective, format: .markdown, language: .zh)
        #expect(markdown.hasPrefix("# 生效系数：national → test；价格指数 test_cpi\n\n| 系数 | 取值 | 单位 | 基准年 | 范围 | 定义域 | 来源层 | 覆盖 |\n"))
        #expect(markdown.contains("\n| price.water | 2 | CNY/m3 | 2023 | 1.5–… |  | test | national: 1.6 |\n"))
        #expect(markdown.hasSuffix("\n## 来源\n\n- price.water: test: county\n- runoff.k: national: plots — plots only\n"))
        guard case let .object(root) = try JSON(JSONParser.parse(CoefficientsReport.render(effective, format: .json, language: .en), file: "c.json")),
              case let .array(list)? = root["coefficients"] else { Issue.record("unexpected shape"); return }
        #expect(root["layers"] == ["national", "test"])
        #expect(root["price_index"] == ["id": "test_cpi", "source": "test: index"])
        #expect(list.first == ["id": "price.water", "value": 2, "unit": "CNY/m3", "base_year": 2023, "low": 1.5, "source": "test: county", "origin": "test",
                               "replaces": [["id": "price.water", "value": 1.6, "unit": "CNY/m3", "base_year": 2020, "low": 1.2, "high": 2.4,
                                             "source": "national: test", "origin": "national"]]])
    }
}
