import Foundation
import Testing
import GEPCommandLine
import GEPCore

/// `gep account` and `gep coefficients show` run in-process as a user runs them, on the
/// bundled Lianping sample and the shipped coefficient library.
@Suite struct AccountCommandTests {
    static let repository = RepositoryRun.repository
    static let sample = "samples/lianping/lianping-2023.json"

    typealias Run = RepositoryRun

    func gep(_ arguments: String..., in directory: String = repository) -> Run { RepositoryRun.gep(arguments, in: directory) }

    func json(_ text: String) throws -> JSONNode { try JSONParser.parse(text, file: "stdout") }

    @Test func accountsTheLianpingSample() throws {
        let run = gep("account", Self.sample)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("连平县 2023年生态产品总值（GEP）核算\n"))
        for label in ["水源涵养", "气候调节", "生态产品总值（GEP）", "活立木蓄积", "GEP与GDP之比", "入新丰江水库（万绿湖）水量"] {
            #expect(run.stdout.contains(label), "\(label)")
        }
        let english = gep("account", Self.sample, "--lang", "en", "--format", "markdown")
        #expect(english.status == 0)
        #expect(english.stdout.hasPrefix("# Lianping County gross ecosystem product (GEP), 2023\n"))
    }

    @Test func jsonHasTheDocumentedFieldsAndIsStable() throws {
        let first = gep("account", Self.sample, "--format", "json")
        let second = gep("account", Self.sample, "--format", "json")
        #expect(first.status == 0 && first.stdout == second.stdout)
        let root = try json(first.stdout)
        let total = try #require(root["total_yuan"]?.double)
        #expect(total > 115e8 && total < 580e8)
        #expect(root["price_basis"]?["basis"]?.string == "current")
        #expect(root["categories"]?.elements?.count == 3)
        let services = try #require(root["services"]?.elements)
        #expect(services.map { $0["id"]!.string! } == ServiceID.allCases.map(\.id))
        let carbon = try #require(services.first { $0["id"]?.string == "carbon_sequestration" })
        for key in ["category", "name_zh", "name_en", "method", "physical", "value_yuan"] { #expect(carbon[key] != nil, "\(key)") }
        #expect(carbon["physical"]?["unit"]?.string == "t_CO2")
        let coefficients = try #require(root["coefficients"]?.elements)
        let price = try #require(coefficients.first { $0["id"]?.string == "price.carbon" })
        #expect(price["used_by"]?.elements?.map { $0.string! } == ["carbon_sequestration"])
        for key in ["value", "unit", "base_year", "source"] { #expect(price[key] != nil, "\(key)") }
    }

    @Test func setOverridesOneCoefficient() throws {
        let base = try json(gep("account", Self.sample, "--format", "json").stdout)
        let run = gep("account", Self.sample, "--format", "json", "--set", "price.carbon=136.2")
        #expect(run.status == 0)
        let doubled = try json(run.stdout)
        func carbon(_ root: JSONNode) -> Double { root["services"]!.elements!.first { $0["id"]?.string == "carbon_sequestration" }!["value_yuan"]!.double! }
        #expect(abs(carbon(doubled) / carbon(base) - 2) < 1e-12)
        let delta = doubled["total_yuan"]!.double! - base["total_yuan"]!.double!
        #expect(abs(delta - carbon(base)) < 1e-3)
    }

    @Test func constantPricesDeflateByTheCPI() throws {
        let current = try json(gep("account", Self.sample, "--format", "json").stdout)["total_yuan"]!.double!
        let constant = try json(gep("account", Self.sample, "--format", "json", "--prices", "constant:2015").stdout)["total_yuan"]!.double!
        // cn_cpi: 2016..2023 year-on-year indices
        let factor = [102.0, 101.6, 102.1, 102.9, 102.5, 100.9, 102.0, 100.2].reduce(1.0) { $0 * $1 / 100 }
        #expect(abs(constant * factor / current - 1) < 1e-12)
    }

    @Test func outputIsWrittenAtomicallyToAFile() throws {
        let scratch = try Scratch()
        let directory = scratch.path
        let run = gep("account", Self.repository + "/" + Self.sample, "--format", "csv", "--output", "gep.csv", in: directory)
        #expect(run.status == 0 && run.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["gep.csv"])
        let text = try String(contentsOfFile: directory + "/gep.csv", encoding: .utf8)
        #expect(text.hasPrefix("record,id,category,ecosystem,component,name_zh,name_en,method,physical_value,physical_unit,value_yuan\n"))
    }

    @Test func badInputExitsWithSysexitsCodesAndWritesNothing() throws {
        let scratch = try Scratch()
        let directory = scratch.path
        try "{\n  \"region\": {\n    \"id\": 1,\n    oops\n}\n".write(toFile: directory + "/bad.json", atomically: true, encoding: .utf8)

        let malformed = gep("account", "bad.json", "--output", "out.json", in: directory)
        #expect(malformed.status == 65)
        #expect(malformed.stderr.contains("bad.json:4:5: "))
        #expect(!FileManager.default.fileExists(atPath: directory + "/out.json"))

        let missing = gep("account", "absent.json", in: directory)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("cannot open input 'absent.json'"))

        let flag = gep("account", Self.sample, "--fromat", "json")
        #expect(flag.status == 64)
        #expect(flag.stderr.contains("Help:  did you mean '--format'?"))

        let year = gep("account", Self.sample, "--year", "20x3")
        #expect(year.status == 64)

        let unknownID = gep("account", Self.sample, "--set", "price.carbn=1")
        #expect(unknownID.status == 64)
        #expect(unknownID.stderr.contains("did you mean '--set price.carbon=…'?"))

        let cannotCreate = gep("account", Self.sample, "--output", directory + "/missing/out.json")
        #expect(cannotCreate.status == 73)
    }

    @Test func coefficientsShowTellsWhereEachValueCameFrom() throws {
        let run = gep("coefficients", "show", "--input", Self.sample, "--format", "json")
        #expect(run.status == 0)
        let root = try json(run.stdout)
        #expect(root["layers"]?.elements?.map { $0.string! } == ["national", "guangdong", "lianping"])
        let electricity = try #require(root["coefficients"]?.elements?.first { $0["id"]?.string == "price.electricity" })
        #expect(electricity["origin"]?.string == "guangdong")
        #expect(electricity["value"]?.double == 0.717)
        #expect(electricity["replaces"]?.elements?.first?["origin"]?.string == "national")
        #expect(electricity["replaces"]?.elements?.first?["value"]?.double == 0.53)
        let overridden = gep("coefficients", "show", "--coefficient-set", "national", "--set", "price.carbon=100", "--format", "csv")
        #expect(overridden.status == 0)
        #expect(overridden.stdout.contains("\nprice.carbon,100,CNY/t_CO2,2023,43.43,360,\"[0, inf)\",--set,national: 68.1,"))
        #expect(electricity["domain"]?.string == "[0, inf)")
        // a value outside the coefficient's domain is refused, naming the domain and unit
        let negative = gep("account", Self.sample, "--set", "price.carbon=-1", "--set", "runoff_coefficient.coniferous_forest=150")
        #expect(negative.status == 65 && negative.stdout.isEmpty)
        #expect(negative.stderr.contains("--set price.carbon=-1.0: outside the coefficient's domain [0, inf) (CNY/t_CO2)"))
        #expect(negative.stderr.contains("--set runoff_coefficient.coniferous_forest=150.0: outside the coefficient's domain [0, 100] (%)"))
    }
}
