import GEPCore
import GEPSensitivity

/// One uncertain coefficient of an account and its distribution.
public struct SensitivityParameter: Sendable {
    /// Coefficient id.
    public var id: String
    /// Its distribution, in the coefficient's own unit.
    public var distribution: Distribution
    /// The value in force (the tornado's and the account's base).
    public var base: Double
    /// Low and high ends for the tornado: the distribution's bounds, or its P5 and P95 when unbounded.
    public var low: Double
    public var high: Double
}

/// A parameter file: the uncertain coefficients and their distributions.
///
/// ```json
/// { "parameters": [
///     {"coefficient": "price.carbon"},
///     {"coefficient": "climate.ac_energy_efficiency_ratio", "distribution": {"type": "uniform", "low": 2.6, "high": 4.0}} ] }
/// ```
/// Without a `distribution`, a coefficient takes triangular(low, value, high) from its set's
/// range. Distributions: `uniform` (low, high), `triangular` (low, mode, high), `normal` (mean,
/// sd), `lognormal` (mu, sigma of the log), `truncated_normal` (mean, sd, low, high).
public enum SensitivityParameters {
    /// Reads a parameter file against the effective coefficients, reporting every problem.
    public static func parse(_ bytes: [UInt8], file: String, coefficients: EffectiveCoefficients) throws(GEPError) -> [SensitivityParameter] {
        let root = try JSONParser.parse(bytes, file: file)
        var r = FieldReader(file: file)
        guard r.object(root, path: "") != nil else { throw .invalidData(r.diagnostics) }
        r.rejectUnknownKeys(root, allowed: ["parameters", "description"], path: "")
        var result: [SensitivityParameter] = []
        if let list = r.field(root, "parameters", path: "", required: true), let items = r.array(list, path: "parameters") {
            for (index, item) in items.enumerated() {
                let path = "parameters[\(index)]"
                guard r.object(item, path: path) != nil else { continue }
                r.rejectUnknownKeys(item, allowed: ["coefficient", "distribution", "note", "source"], path: path)
                guard let id = r.string(item, "coefficient", path: path) else { continue }
                guard let c = coefficients.entries[id] else {
                    var message = "no coefficient \"\(id)\" in the sets \(coefficients.layers.joined(separator: " → "))"
                    if let near = EditDistance.nearest(to: id, in: coefficients.ids) { message += "; did you mean \"\(near)\"?" }
                    r.report(message, at: item["coefficient"]?.position, path: path + ".coefficient")
                    continue
                }
                if result.contains(where: { $0.id == id }) { r.report("\"\(id)\" is listed twice", at: item.position, path: path); continue }
                var distribution: Distribution?
                if let node = item["distribution"] {
                    distribution = parseDistribution(node, path: path + ".distribution", reader: &r)
                } else if let low = c.low, let high = c.high, low < high {
                    distribution = .triangular(a: low, mode: c.value, b: high)
                } else {
                    r.report("\"\(id)\" has no low–high range in its set; give a \"distribution\"", at: item.position, path: path)
                }
                guard let distribution else { continue }
                let (low, high) = distribution.isBounded ? (distribution.quantile(0), distribution.quantile(1))
                                                        : (distribution.quantile(0.05), distribution.quantile(0.95))
                result.append(SensitivityParameter(id: id, distribution: distribution, base: c.value, low: low, high: high))
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
