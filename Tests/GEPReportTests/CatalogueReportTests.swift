import Testing
import GEPCore
import GEPReport
import GEPServices

/// The service catalogue lists every service with every method, in every format.
@Suite struct CatalogueReportTests {
    @Test func csvHasOneRowPerServiceAndMethod() throws {
        let records = try #require(CSVRecords.parse(CatalogueReport.render(format: .csv, language: .en)))
        #expect(records.first == ["id", "category", "name_zh", "name_en", "physical_unit", "method", "formula", "source"])
        var expected: [[String]] = []
        for id in ServiceID.allCases {
            let spec = ServiceCatalogue.spec(for: id)
            for method in spec.methods { expected.append([id.id, id.category.id, id.nameZH, id.nameEN, spec.physicalUnit.symbol, method.id]) }
        }
        #expect(records.dropFirst().map { Array($0.prefix(6)) } == expected)
        for record in records { #expect(record.count == 8) }
    }

    @Test func tableTitlesEachServiceInTheChosenLanguageAndMarksTheDefaultMethod() {
        for (language, category, tag) in [(ReportLanguage.zh, "调节服务", "（默认）"), (.en, "Regulating services", " (default)")] {
            let text = CatalogueReport.render(format: .table, language: language)
            let spec = ServiceCatalogue.spec(for: .waterConservation)
            #expect(text.contains("\nwater_conservation — 水源涵养 / Water conservation (\(category); \(spec.physicalUnit.symbol))\n"))
            #expect(text.contains("\n  " + (language == .zh ? "方法 " : "method ") + spec.methods[0].id + tag + ": " + spec.methods[0].formula + "\n"))
            #expect(text.components(separatedBy: " — ").count - 1 >= ServiceID.allCases.count)
        }
        let markdown = CatalogueReport.render(format: .markdown, language: .en)
        #expect(markdown.hasPrefix("# Service catalogue\n\n## agricultural_products — 农业产品 / Agricultural products (Provisioning services; "))
    }

    @Test func jsonListsEveryServiceInCatalogueOrder() throws {
        guard case let .object(root) = try JSON(JSONParser.parse(CatalogueReport.render(format: .json, language: .en), file: "c.json")),
              case let .array(services)? = root["services"] else { Issue.record("unexpected shape"); return }
        #expect(services.count == ServiceID.allCases.count)
        for (entry, id) in zip(services, ServiceID.allCases) {
            guard case let .object(object) = entry else { Issue.record("not an object"); continue }
            #expect(object["id"] == .string(id.id) && object["category"] == .string(id.category.id))
            #expect(object["default_method"] == .string(ServiceCatalogue.spec(for: id).defaultMethod.id))
        }
    }
}
