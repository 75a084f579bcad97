import GEPCore
import GEPSensitivity
import GEPServices

/// One uncertain coefficient of an account and its distribution, or a method switch.
public struct SensitivityParameter: Sendable {
    /// A discrete choice: one key of a service's input section (`enabled` or `method`) taking one
    /// of `values`; it is sampled as x ∈ [0, 1) → value ⌊x·count⌋.
    public struct Switch: Sendable {
        /// The service whose section is switched.
        public var service: ServiceID
        /// The section key: `enabled` or `method`.
        public var key: String
        /// The choices, in the parameter file's order.
        public var values: [JSON]

        /// The choice for x.
        public func index(_ x: Double) -> Int { min(values.count - 1, max(0, Int(x * Double(values.count)))) }
    }

    /// A quantity of the county input, varied in the unit the input wrote it in.
    public struct InputQuantity: Sendable {
        /// Dotted path, e.g. `climate.precipitation` or `services.recreation_tourism.visits`.
        public var path: String
        /// The unit the input wrote the quantity in (values are drawn in it).
        public var unit: PhysicalUnit
    }

    /// Coefficient id, `switch:<service>.<key>` for a switch, or `input:<path>` for an input quantity.
    public var id: String
    /// Set for a method switch (then `distribution` is uniform on [0, 1]).
    public var choice: Switch? = nil
    /// Set for an input quantity.
    public var quantity: InputQuantity? = nil
    /// Its distribution, in the coefficient's own unit.
    public var distribution: Distribution
    /// The value in force (the tornado's and the account's base).
    public var base: Double
    /// Low end for the tornado: the distribution's lower bound, or its P5 when unbounded.
    public var low: Double
    /// High end for the tornado: the distribution's upper bound, or its P95 when unbounded.
    public var high: Double

    /// The parameter as a parameter-file entry, with its distribution written out (so a run's
    /// JSON states exactly what was drawn, and can be read back as a parameter file).
    public var fileEntry: JSON {
        if let choice {
            return [choice.key == "enabled" ? "switch" : "method": .string(choice.service.id), "values": .array(choice.values)]
        }
        let written: JSON = switch distribution {
        case let .uniform(a, b): ["type": "uniform", "low": .number(a), "high": .number(b)]
        case let .triangular(a, mode, b): ["type": "triangular", "low": .number(a), "mode": .number(mode), "high": .number(b)]
        case let .normal(mean, sd): ["type": "normal", "mean": .number(mean), "sd": .number(sd)]
        case let .lognormal(mu, sigma): ["type": "lognormal", "mu": .number(mu), "sigma": .number(sigma)]
        case let .truncatedNormal(mean, sd, a, b): ["type": "truncated_normal", "mean": .number(mean), "sd": .number(sd), "low": .number(a), "high": .number(b)]
        }
        if let quantity { return ["input": .string(quantity.path), "distribution": written] }
        return ["coefficient": .string(id), "distribution": written]
    }

    /// The value at x as a user reads it: the choice for a switch (`water_yield`, `false`), else
    /// the number itself.
    public func value(at x: Double) -> JSON {
        guard let choice else { return .number(x) }
        return choice.values[choice.index(x)]
    }
}

/// A parameter file: the uncertain coefficients and their distributions.
///
/// ```json
/// { "parameters": [
///     {"coefficient": "price.carbon"},
///     {"coefficient": "climate.ac_energy_efficiency_ratio", "distribution": {"type": "uniform", "low": 2.6, "high": 4.0}} ] }
/// ```
/// Method switches: `{"switch": "oxygen_release", "values": [true, false]}` (the section's
/// `enabled`) or `{"method": "water_conservation", "values": ["water_balance", "water_yield"]}`.
/// Input quantities: `{"input": "climate.precipitation", "distribution": {...}}`, in the unit the
/// input wrote (a distribution is required: inputs carry no range).
/// Without a `distribution`, a coefficient takes triangular(low, value, high) from its set's
/// range. Distributions: `uniform` (low, high), `triangular` (low, mode, high), `normal` (mean,
/// sd), `lognormal` (mu, sigma of the log), `truncated_normal` (mean, sd, low, high).
public enum SensitivityParameters {
    /// Reads a parameter file against the effective coefficients, reporting every problem.
    ///   - input: the county input, for the base choice of method switches (the input's own setting).
    public static func parse(_ bytes: [UInt8], file: String, coefficients: EffectiveCoefficients,
                             input: CountyInput? = nil, inputBytes: [UInt8]? = nil) throws(GEPError) -> [SensitivityParameter] {
        let root = try JSONParser.parse(bytes, file: file)
        var r = FieldReader(file: file)
        guard r.object(root, path: "") != nil else { throw .invalidData(r.diagnostics) }
        r.rejectUnknownKeys(root, allowed: ["parameters", "description"], path: "")
        func sectionValue(_ id: ServiceID, _ key: String) -> JSON? { input?.serviceSections[id]?[key].map { JSON($0) } }
        // The county input as a tree, parsed only when an input-quantity parameter needs it.
        var parsedInput: JSON??
        func inputTree() -> JSON? {
            if parsedInput == nil { parsedInput = .some(inputBytes.flatMap { try? JSONParser.parse($0, file: input?.file ?? "input") }.map { JSON($0) }) }
            return parsedInput!
        }
        var result: [SensitivityParameter] = []
        /// Adds a parameter unless one with its id (the coefficient, switch or input path) came earlier.
        func add(_ parameter: SensitivityParameter, _ item: JSONNode, _ path: String) {
            if result.contains(where: { $0.id == parameter.id }) {
                r.report("\"\(parameter.id)\" is listed twice", at: item.position, path: path)
            } else {
                result.append(parameter)
            }
        }
        if let list = r.field(root, "parameters", path: "", required: true), let items = r.array(list, path: "parameters") {
            for (index, item) in items.enumerated() {
                let path = "parameters[\(index)]"
                guard r.object(item, path: path) != nil else { continue }
                r.rejectUnknownKeys(item, allowed: ["coefficient", "input", "distribution", "switch", "method", "values", "note", "source"], path: path)
                if item["switch"] != nil || item["method"] != nil {
                    let key = item["switch"] != nil ? "enabled" : "method"
                    guard let name = r.string(item, item["switch"] != nil ? "switch" : "method", path: path) else { continue }
                    guard let service = ServiceID(rawValue: name) else {
                        var message = "unknown service \"\(name)\""
                        if let near = EditDistance.nearest(to: name, in: ServiceID.allCases.map(\.id)) { message += "; did you mean \"\(near)\"?" }
                        r.report(message, at: item.position, path: path)
                        continue
                    }
                    guard let list = r.field(item, "values", path: path, required: true), let values = r.array(list, path: path + ".values"), values.count >= 2 else {
                        r.report("a switch needs at least two \"values\"", at: item.position, path: path)
                        continue
                    }
                    let choices = values.map { JSON($0) }
                    let methods = ServiceCatalogue.spec(for: service).methods.map(\.id)
                    for (v, value) in values.enumerated() {
                        let ok = key == "enabled" ? value.bool != nil : value.string.map(methods.contains) ?? false
                        if !ok {
                            r.report(key == "enabled" ? "expected true or false"
                                                      : "expected one of the methods of \(service.id): \(methods.joined(separator: ", "))",
                                     at: value.position, path: path + ".values[\(v)]")
                        }
                    }
                    let current: JSON = sectionValue(service, key) ?? (key == "enabled" ? .bool(true) : .string(ServiceCatalogue.spec(for: service).defaultMethod.id))
                    let baseIndex = choices.firstIndex(of: current) ?? 0
                    let x = (Double(baseIndex) + 0.5) / Double(choices.count)
                    add(SensitivityParameter(id: "switch:\(service.id).\(key)", choice: .init(service: service, key: key, values: choices),
                                             distribution: .uniform(a: 0, b: 1), base: x, low: 0, high: 1 - 1e-9), item, path)
                    continue
                }
                if item["input"] != nil {
                    guard let quantityPath = r.string(item, "input", path: path) else { continue }
                    guard let inputRoot = inputTree() else { r.report("input quantities need the county input", at: item.position, path: path); continue }
                    guard let (value, unit) = Scenario.quantity(at: quantityPath, in: inputRoot) else {
                        r.report("\"\(quantityPath)\" names no quantity ({\"value\", \"unit\"}) in \(input?.file ?? "the input")",
                                 at: item["input"]?.position, path: path + ".input")
                        continue
                    }
                    guard let node = item["distribution"] else {
                        r.report("input \"\(quantityPath)\" needs a \"distribution\" (in \(unit.symbol)): inputs carry no range", at: item.position, path: path)
                        continue
                    }
                    guard let distribution = parseDistribution(node, path: path + ".distribution", reader: &r) else { continue }
                    let (low, high) = distribution.tornadoRange
                    add(SensitivityParameter(id: "input:" + quantityPath, quantity: .init(path: quantityPath, unit: unit),
                                             distribution: distribution, base: value, low: low, high: high), item, path)
                    continue
                }
                guard let id = r.string(item, "coefficient", path: path) else { continue }
                guard let c = coefficients.entries[id] else {
                    var message = "no coefficient \"\(id)\" in the sets \(coefficients.layers.joined(separator: " → "))"
                    if let near = EditDistance.nearest(to: id, in: coefficients.ids) { message += "; did you mean \"\(near)\"?" }
                    r.report(message, at: item["coefficient"]?.position, path: path + ".coefficient")
                    continue
                }
                var distribution: Distribution?
                if let node = item["distribution"] {
                    distribution = parseDistribution(node, path: path + ".distribution", reader: &r)
                } else if let low = c.low, let high = c.high, low < high {
                    distribution = .triangular(a: low, mode: c.value, b: high)
                } else {
                    r.report("\"\(id)\" has no low–high range in its set; give a \"distribution\"", at: item.position, path: path)
                }
                guard let distribution else { continue }
                if let domain = c.domain, !domain.covers(supportFrom: distribution.support.low, to: distribution.support.high) {
                    let support = distribution.support
                    r.report("the distribution of \"\(id)\" reaches \(support.low < domain.lower ? support.low : support.high), outside the coefficient's domain \(domain) "
                             + "(\(c.unit.symbol)); bound it (uniform, triangular or truncated_normal within the domain)",
                             at: item["distribution"]?.position ?? item.position, path: path + ".distribution")
                    continue
                }
                let (low, high) = distribution.tornadoRange
                add(SensitivityParameter(id: id, distribution: distribution, base: c.value, low: low, high: high), item, path)
            }
            if items.isEmpty { r.report("at least one parameter is needed", at: list.position, path: "parameters") }
        }
        guard r.diagnostics.isEmpty else { throw .invalidData(r.diagnostics) }
        return result
    }

    private static func parseDistribution(_ node: JSONNode, path: String, reader r: inout FieldReader) -> Distribution? {
        guard r.object(node, path: path) != nil else { return nil }
        r.rejectUnknownKeys(node, allowed: ["type", "low", "high", "mode", "mean", "sd", "mu", "sigma"], path: path)
        guard let type = r.string(node, "type", path: path) else { return nil }
        func number(_ key: String) -> Double? { r.number(node, key, path: path) }
        let result: Distribution?
        switch type {
        case "uniform":
            if let a = number("low"), let b = number("high") { result = a < b ? .uniform(a: a, b: b) : nil } else { return nil }
        case "triangular":
            if let a = number("low"), let m = number("mode"), let b = number("high") { result = a <= m && m <= b && a < b ? .triangular(a: a, mode: m, b: b) : nil } else { return nil }
        case "normal":
            if let m = number("mean"), let s = number("sd") { result = s > 0 ? .normal(mean: m, sd: s) : nil } else { return nil }
        case "lognormal":
            if let m = number("mu"), let s = number("sigma") { result = s > 0 ? .lognormal(mu: m, sigma: s) : nil } else { return nil }
        case "truncated_normal":
            if let m = number("mean"), let s = number("sd"), let a = number("low"), let b = number("high") {
                result = s > 0 && a < b ? .truncatedNormal(mean: m, sd: s, a: a, b: b) : nil
            } else { return nil }
        default:
            let names = ["uniform", "triangular", "normal", "lognormal", "truncated_normal"]
            var message = "unknown distribution \"\(type)\""
            if let near = EditDistance.nearest(to: type, in: names) { message += "; did you mean \"\(near)\"?" }
            r.report(message + " (expected one of: \(names.joined(separator: ", ")))", at: node["type"]?.position, path: path + ".type")
            return nil
        }
        if result == nil { r.report("invalid \(type) parameters (need low < high, low ≤ mode ≤ high, sd and sigma > 0)", at: node.position, path: path) }
        return result
    }
}
