import Foundation
import Testing
import GEPCore
import GEPSensitivity
import GEPServices
@testable import GEPAnalysis

/// Sensitivity of the Lianping account: the price-only fast path equals a full rebuild, and its
/// Sobol indices match the closed form of a model linear in its prices.
@Suite struct AccountSensitivityTests {
    static func setUp(_ file: String) throws -> (CountyInput, EffectiveCoefficients, [SensitivityParameter]) {
        let root = ScenarioTests.repository
        let input = try CountyInput.parse(InputFile.read(root + "/samples/lianping/lianping-2023.json", relativeTo: "/"), file: "lianping-2023.json")
        let coefficients = try EffectiveCoefficients.resolve(library: CoefficientLibrary.load(directory: root + "/coefficients"), setID: "lianping")
        let parameters = try SensitivityParameters.parse(InputFile.read(root + "/samples/lianping/sensitivity/" + file, relativeTo: "/"),
                                                         file: file, coefficients: coefficients)
        return (input, coefficients, parameters)
    }

    @Test func priceOnlyFastPathEqualsAFullRebuild() throws {
        let (input, coefficients, parameters) = try Self.setUp("prices.json")
        let model = try AccountModel(input: input, coefficients: coefficients, parameters: parameters)
        #expect(model.isLinearInPrices)
        let x = parameters.map { $0.low * 0.3 + $0.high * 0.7 }
        var fast = [Double](repeating: 0, count: model.outputCount)
        x.withUnsafeBufferPointer { xs in fast.withUnsafeMutableBufferPointer { model.evaluate(xs, into: $0) } }
        var changed = coefficients
        for (p, parameter) in parameters.enumerated() { changed = changed.replacing(parameter.id, value: x[p]) }
        let rebuilt = try AccountBuilder.build(input: input, coefficients: changed)
        #expect(abs(fast[0] / rebuilt.total - 1) < 1e-12)
        for (s, service) in rebuilt.services.enumerated() {
            #expect(abs(fast[s + 1] - service.value) <= 1e-9 * max(1, abs(service.value)), "\(service.id.id)")
        }
    }

    @Test func priceOnlySobolIndicesMatchTheClosedForm() throws {
        let (input, coefficients, parameters) = try Self.setUp("prices.json")
        let model = try AccountModel(input: input, coefficients: coefficients, parameters: parameters)
        // GEP = C + Σ a_p·x_p: slopes by finite differences of the (exactly linear) model
        let base = parameters.map(\.base)
        func gep(_ x: [Double]) -> Double {
            var y = [Double](repeating: 0, count: model.outputCount)
            x.withUnsafeBufferPointer { xs in y.withUnsafeMutableBufferPointer { model.evaluate(xs, into: $0) } }
            return y[0]
        }
        let slopes = parameters.indices.map { p in
            var x = base
            x[p] += 1
            return gep(x) - gep(base)
        }
        let expected = LinearModel(coefficients: slopes).firstOrderIndices(distributions: parameters.map(\.distribution))
        let result = sobolAnalysis(model, distributions: parameters.map(\.distribution), baseSamples: 4096, threads: 2)
        for p in parameters.indices {
            #expect(abs(result.firstOrder[p][0] - expected[p]) < 0.02, "\(parameters[p].id)")
            #expect(abs(result.total[p][0] - expected[p]) < 0.02, "\(parameters[p].id)")
        }
        // the electricity price dominates: climate regulation is 45 % of GEP and its price spreads ×1.5
        #expect(expected.firstIndex(of: expected.max()!) == parameters.firstIndex { $0.id == "price.electricity" })
    }

    @Test func physicalParametersRebuildTheAccount() throws {
        let (input, coefficients, parameters) = try Self.setUp("prices-and-physics.json")
        let model = try AccountModel(input: input, coefficients: coefficients, parameters: parameters)
        #expect(!model.isLinearInPrices)
        let result = tornado(model, parameters: parameters.map { TornadoParameter(name: $0.id, low: $0.low, base: $0.base, high: $0.high) })
        #expect(abs(result.baseOutput[0] - model.base.total) <= 1e-6)
        // a higher air-conditioner efficiency ratio lowers climate regulation's value
        let eer = try #require(parameters.firstIndex { $0.id == "climate.ac_energy_efficiency_ratio" })
        #expect(result.high[eer][0] < result.low[eer][0])
    }

    @Test func parameterFileProblemsAreListed() throws {
        let library = try CoefficientLibrary.load(directory: ScenarioTests.repository + "/coefficients")
        let coefficients = try EffectiveCoefficients.resolve(library: library, setID: "lianping")
        let text = """
        {"parameters": [{"coefficient": "price.carbn"}, {"coefficient": "const.water_density", "distribution": {"type": "uniformm"}},
                        {"coefficient": "price.electricity", "distribution": {"type": "uniform", "low": 2, "high": 1}}]}
        """
        do {
            _ = try SensitivityParameters.parse(Array(text.utf8), file: "p.json", coefficients: coefficients)
            Issue.record("expected problems")
        } catch {
            let message = error.description
            #expect(message.contains("no coefficient \"price.carbn\""))
            #expect(message.contains("unknown distribution \"uniformm\"; did you mean \"uniform\"?"))
            #expect(message.contains("invalid uniform parameters"))
        }
    }

    static func switchModel(_ text: String) throws -> (AccountModel, [SensitivityParameter]) {
        let root = ScenarioTests.repository
        let bytes = try InputFile.read(root + "/samples/lianping/lianping-2023.json", relativeTo: "/")
        let input = try CountyInput.parse(bytes, file: "lianping-2023.json")
        let coefficients = try EffectiveCoefficients.resolve(library: CoefficientLibrary.load(directory: root + "/coefficients"), setID: "lianping")
        let parameters = try SensitivityParameters.parse(Array(text.utf8), file: "p.json", coefficients: coefficients, input: input, inputBytes: bytes)
        return (try AccountModel(input: input, inputBytes: bytes, coefficients: coefficients, parameters: parameters), parameters)
    }

    static func outputs(_ model: AccountModel, _ x: [Double]) -> [Double] {
        var y = [Double](repeating: 0, count: model.outputCount)
        x.withUnsafeBufferPointer { xs in y.withUnsafeMutableBufferPointer { model.evaluate(xs, into: $0) } }
        return y
    }

    @Test func anOnOffSwitchMovesGEPByExactlyThatService() throws {
        let (model, parameters) = try Self.switchModel("""
            {"parameters": [{"switch": "oxygen_release", "values": [true, false]}, {"coefficient": "price.carbon"}]}
            """)
        #expect(!model.isLinearInPrices)
        #expect(parameters[0].id == "switch:oxygen_release.enabled")
        let oxygen = try #require(model.base.services.firstIndex { $0.id == .oxygenRelease })
        let on = Self.outputs(model, [0.25, parameters[1].base]), off = Self.outputs(model, [0.75, parameters[1].base])
        // the base choice is the input's own (enabled), so x = base reproduces the account
        #expect(abs(Self.outputs(model, parameters.map(\.base))[0] - model.base.total) <= 1e-6)
        #expect(abs(on[0] - model.base.total) <= 1e-6)
        #expect(model.base.services[oxygen].value > 0)
        #expect(abs((on[0] - off[0]) - model.base.services[oxygen].value) <= 1e-6 * model.base.total)
    }

    @Test func aMethodSwitchRebuildsWithTheOtherMethod() throws {
        let (model, parameters) = try Self.switchModel("""
            {"parameters": [{"method": "water_conservation", "values": ["water_yield", "water_balance"]}]}
            """)
        // the input uses water_balance, the second value: base x is in the upper half
        #expect(parameters[0].base > 0.5)
        let water = try #require(model.base.services.firstIndex { $0.id == .waterConservation })
        let balance = Self.outputs(model, [0.9]), budyko = Self.outputs(model, [0.1])
        #expect(abs(balance[water + 1] - model.base.services[water].value) <= 1e-6)
        // Fu–Budyko ET is below the measured ET on this input, so more water is retained
        #expect(budyko[water + 1] > balance[water + 1] * 1.01)
        // every other service is untouched by the water-conservation method
        for s in model.base.services.indices where s != water {
            #expect(balance[s + 1] == budyko[s + 1], "\(model.base.services[s].id.id)")
        }
    }

    @Test func switchProblemsAreListed() throws {
        let library = try CoefficientLibrary.load(directory: ScenarioTests.repository + "/coefficients")
        let coefficients = try EffectiveCoefficients.resolve(library: library, setID: "lianping")
        let text = """
        {"parameters": [{"switch": "oxygen_releas", "values": [true, false]}, {"method": "water_conservation", "values": ["water_balance", "budyko"]},
                        {"switch": "oxygen_release", "values": [true]}]}
        """
        do {
            _ = try SensitivityParameters.parse(Array(text.utf8), file: "p.json", coefficients: coefficients)
            Issue.record("expected problems")
        } catch {
            let message = error.description
            #expect(message.contains("unknown service \"oxygen_releas\"; did you mean \"oxygen_release\"?"))
            #expect(message.contains("parameters[1].values[1]"))
            #expect(message.contains("water_balance, water_yield"))
            #expect(message.contains("at least two"))
        }
    }

    @Test func anInputQuantityIsVariedInItsOwnUnit() throws {
        let (model, parameters) = try Self.switchModel("""
            {"parameters": [{"input": "services.recreation_tourism.visits", "distribution": {"type": "uniform", "low": 2800000, "high": 3600000}},
                            {"coefficient": "price.electricity"}]}
            """)
        #expect(!model.isLinearInPrices)
        #expect(parameters[0].id == "input:services.recreation_tourism.visits" && parameters[0].base == 3_200_000)
        let recreation = try #require(model.base.services.firstIndex { $0.id == .recreationTourism })
        let value = model.base.services[recreation].value
        #expect(abs(Self.outputs(model, parameters.map(\.base))[0] - model.base.total) <= 1e-6 * model.base.total)
        // recreation is visits × cost per visit: 3.6 M visits are 9/8 of the base value, and nothing else moves
        let high = Self.outputs(model, [3_600_000, parameters[1].base])
        #expect(abs(high[recreation + 1] / value - 1.125) < 1e-12)
        #expect(abs((high[0] - model.base.total) - value * 0.125) <= 1e-6 * model.base.total)
    }

    @Test func inputProblemsAreListed() throws {
        let root = ScenarioTests.repository
        let bytes = try InputFile.read(root + "/samples/lianping/lianping-2023.json", relativeTo: "/")
        let input = try CountyInput.parse(bytes, file: "lianping-2023.json")
        let coefficients = try EffectiveCoefficients.resolve(library: CoefficientLibrary.load(directory: root + "/coefficients"), setID: "lianping")
        let text = """
        {"parameters": [{"input": "climate.precipitaton", "distribution": {"type": "uniform", "low": 1, "high": 2}},
                        {"input": "climate.precipitation"}]}
        """
        do {
            _ = try SensitivityParameters.parse(Array(text.utf8), file: "p.json", coefficients: coefficients, input: input, inputBytes: bytes)
            Issue.record("expected problems")
        } catch {
            let message = error.description
            #expect(message.contains("\"climate.precipitaton\" names no quantity"))
            #expect(message.contains("input \"climate.precipitation\" needs a \"distribution\" (in mm)"))
        }
    }

    /// A coefficient, a switch or an input listed twice is reported at its second entry, all at once.
    @Test func parametersListedTwiceAreReported() throws {
        let root = ScenarioTests.repository
        let bytes = try InputFile.read(root + "/samples/lianping/lianping-2023.json", relativeTo: "/")
        let input = try CountyInput.parse(bytes, file: "lianping-2023.json")
        let coefficients = try EffectiveCoefficients.resolve(library: CoefficientLibrary.load(directory: root + "/coefficients"), setID: "lianping")
        let rain = #"{"input": "climate.precipitation", "distribution": {"type": "uniform", "low": 1800, "high": 2200}}"#
        let method = #"{"method": "water_conservation", "values": ["water_balance", "water_yield"]}"#
        let text = """
        {"parameters": [{"coefficient": "price.carbon"}, \(rain), \(method), {"switch": "water_conservation", "values": [true, false]},
                        {"coefficient": "price.carbon"}, \(method), \(rain)]}
        """
        do {
            _ = try SensitivityParameters.parse(Array(text.utf8), file: "p.json", coefficients: coefficients, input: input, inputBytes: bytes)
            Issue.record("expected problems")
        } catch {
            let message = error.description
            #expect(message.contains("parameters[4]: \"price.carbon\" is listed twice"))
            #expect(message.contains("parameters[5]: \"switch:water_conservation.method\" is listed twice"))
            #expect(message.contains("parameters[6]: \"input:climate.precipitation\" is listed twice"))
            #expect(!message.contains("parameters[3]"), "an on/off switch and a method switch of one service are different parameters")
        }
    }

    /// A run the account refuses (negative rain) or whose GEP overflows is NaN and recorded with
    /// its inputs and the reason; good runs are not.
    @Test func failedRunsAreRecordedWithTheirReasons() throws {
        let (model, parameters) = try Self.switchModel("""
            {"parameters": [{"input": "climate.precipitation", "distribution": {"type": "uniform", "low": -100, "high": 2200}},
                            {"coefficient": "price.electricity"}]}
            """)
        #expect(Self.outputs(model, [1900, parameters[1].base])[0].isFinite)
        #expect(model.failures.count == 0)
        #expect(Self.outputs(model, [-50, parameters[1].base]).allSatisfy { $0.isNaN })
        #expect(model.failures.count == 1)
        let failure = try #require(model.failures.first.first)
        #expect(failure.inputs == [-50, parameters[1].base])
        #expect(failure.reason.contains("climate.precipitation.value") && failure.reason.contains("must not be negative") && failure.reason.contains("found -50.0 mm"), "\(failure.reason)")
        // the price-only fast path: an overflowing GEP is a failure too
        let library = try CoefficientLibrary.load(directory: ScenarioTests.repository + "/coefficients")
        let coefficients = try EffectiveCoefficients.resolve(library: library, setID: "lianping")
        let input = try CountyInput.parse(InputFile.read(ScenarioTests.repository + "/samples/lianping/lianping-2023.json", relativeTo: "/"), file: "l.json")
        let prices = try SensitivityParameters.parse(Array(#"{"parameters": [{"coefficient": "price.electricity"}]}"#.utf8), file: "p.json", coefficients: coefficients)
        let linear = try AccountModel(input: input, coefficients: coefficients, parameters: prices)
        #expect(linear.isLinearInPrices)
        #expect(!Self.outputs(linear, [.greatestFiniteMagnitude])[0].isFinite)
        #expect(linear.failures.count == 1 && linear.failures.first[0].reason == "gep is inf (not a finite number)")
    }

    /// The failures kept as examples are the same whatever order the runs finish in.
    @Test func keptFailuresDoNotDependOnOrder() {
        let inputs: [[Double]] = (0..<12).map { [Double($0 % 5), Double($0)] }
        func log(_ order: [Int]) -> RunFailures {
            let failures = RunFailures()
            for i in order { inputs[i].withUnsafeBufferPointer { failures.record($0, reason: "run \(i)") } }
            return failures
        }
        let forward = log(Array(0..<12)), backward = log(Array((0..<12).reversed()))
        #expect(forward.count == 12 && forward.first == backward.first)
        #expect(forward.first.map(\.inputs) == [[0, 0], [0, 5], [0, 10], [1, 1], [1, 6]])
    }

    /// A distribution whose support leaves the coefficient's domain is refused at parse time
    /// (a normal price can go negative); one that stays inside is accepted.
    @Test func distributionsMustStayInTheCoefficientsDomain() throws {
        let library = try CoefficientLibrary.load(directory: ScenarioTests.repository + "/coefficients")
        let coefficients = try EffectiveCoefficients.resolve(library: library, setID: "lianping")
        let text = """
        {"parameters": [{"coefficient": "price.carbon", "distribution": {"type": "normal", "mean": 68, "sd": 30}},
                        {"coefficient": "cover_management_factor.orchard", "distribution": {"type": "uniform", "low": 0.1, "high": 1.2}},
                        {"coefficient": "water_yield.seasonality_z", "distribution": {"type": "lognormal", "mu": 2, "sigma": 0.5}},
                        {"coefficient": "price.oxygen", "distribution": {"type": "truncated_normal", "mean": 1000, "sd": 300, "low": 0, "high": 2000}}]}
        """
        do {
            _ = try SensitivityParameters.parse(Array(text.utf8), file: "p.json", coefficients: coefficients)
            Issue.record("expected problems")
        } catch {
            guard case let .invalidData(problems) = error else { Issue.record("\(error)"); return }
            #expect(problems.count == 2)
            #expect(problems[0].path == "parameters[0].distribution" && problems[0].message.contains("reaches -inf, outside the coefficient's domain [0, inf) (CNY/t_CO2)"))
            #expect(problems[1].path == "parameters[1].distribution" && problems[1].message.contains("reaches 1.2, outside the coefficient's domain [0, 1]"))
        }
    }
}
