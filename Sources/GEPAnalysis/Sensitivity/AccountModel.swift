import GEPCore
import GEPSensitivity
import GEPServices

/// A county account as a sensitivity model: inputs are the uncertain coefficients (in their
/// own units), outputs are GEP followed by every service's value (CNY, catalogue order).
///
/// When every parameter is a price (a monetary coefficient used only as a line's unit price),
/// GEP is linear in them: the physical account is computed once and each run is a dot product,
/// yₛ = Cₛ + Σₚ aₛₚ·xₚ with aₛₚ = (value of the lines priced by p at the base) / base price.
/// Otherwise every run rebuilds the account with the changed coefficients. A run that fails
/// (the account refuses the drawn values) or gives a non-finite output yields NaN outputs and
/// is recorded in `failures`, with its reason, for the caller to report.
public struct AccountModel: AccountSensitivityModel {
    /// Number of uncertain coefficients.
    public let dimension: Int
    /// 1 + the number of services.
    public let outputCount: Int
    /// True when runs are dot products (price-only parameters).
    public let isLinearInPrices: Bool
    /// The base account.
    public let base: Account
    /// GEP of the base account, CNY.
    public var baseTotal: Double { base.total }
    /// Runs that failed, shared by every copy of the model.
    public let failures = RunFailures()
    /// This model's failure log.
    public var failureLogs: [RunFailures] { [failures] }
    let parameters: [SensitivityParameter]
    /// The county input (nil for a grid account).
    let input: CountyInput?
    /// For a grid account: the account rebuilt with changed coefficients.
    let rebuild: (@Sendable (EffectiveCoefficients) throws(GEPError) -> Account)?
    /// For method switches: the input for every combination of choices (mixed radix over the
    /// switch parameters, in parameter order).
    let variants: [CountyInput]
    /// For input quantities: the input file's bytes, to which each run's values are applied.
    let inputBytes: [UInt8]?
    let coefficients: EffectiveCoefficients
    /// Accounting year and price basis every build uses (nil: the input's own).
    let year: Int?
    let priceBasis: PriceBasis?
    /// Fast path: constant part and slope per output (row-major outputs × parameters).
    let constant: [Double]
    let slope: [Double]

    /// Builds the base account and, for price-only parameters, the linear form.
    ///
    /// - Parameters:
    ///   - inputBytes: the input file's bytes, needed when a parameter is a method switch or an
    ///     input quantity (each run's choices and values are applied to them as a scenario would).
    ///   - year, priceBasis: the accounting year and price basis of every build (nil: the input's own),
    ///     as a scenario that moves them needs.
    public init(input: CountyInput, inputBytes: [UInt8]? = nil, coefficients: EffectiveCoefficients,
                parameters: [SensitivityParameter], year: Int? = nil, priceBasis: PriceBasis? = nil) throws(GEPError) {
        let base = try AccountBuilder.build(input: input, coefficients: coefficients, year: year, priceBasis: priceBasis)
        self.year = year
        self.priceBasis = priceBasis
        let switches = parameters.compactMap(\.choice)
        let varyInput = parameters.contains { $0.quantity != nil }
        if (varyInput || !switches.isEmpty) && inputBytes == nil {
            throw .invalidData([Diagnostic(file: input.file, message: "method switches and input quantities need the input file's bytes")])
        }
        var variants: [CountyInput] = []
        if !switches.isEmpty && !varyInput {
            let total = switches.reduce(1) { $0 * $1.values.count }
            for combination in 0..<total {
                var rest = combination
                let choices = switches.map { choice in
                    defer { rest /= choice.values.count }
                    return rest % choice.values.count
                }
                variants.append(try Self.changed(input, bytes: inputBytes!, switches: Array(zip(switches, choices)), quantities: []))
            }
        }
        if varyInput {   // the base values must apply cleanly (a bad path or unit shows here, once)
            _ = try Self.changed(input, bytes: inputBytes!, switches: [],
                                 quantities: parameters.compactMap { p in p.quantity.map { ($0, p.base) } })
        }
        self.variants = variants
        self.inputBytes = varyInput ? inputBytes : nil
        self.input = input
        rebuild = nil
        (isLinearInPrices, constant, slope) = Self.linearForm(base: base, coefficients: coefficients, parameters: parameters,
                                                              allowed: switches.isEmpty && !varyInput)
        self.base = base
        self.coefficients = coefficients
        self.parameters = parameters
        dimension = parameters.count
        outputCount = 1 + base.services.count
    }

    /// A grid account (or any account built outside this module) as a sensitivity model:
    /// `rebuild` builds it with changed coefficients; price-only parameters take the fast path.
    /// Method switches and input quantities apply to county inputs only.
    public init(gridAccount base: Account, file: String, coefficients: EffectiveCoefficients, parameters: [SensitivityParameter],
                rebuild: @escaping @Sendable (EffectiveCoefficients) throws(GEPError) -> Account) throws(GEPError) {
        let county = parameters.filter { $0.choice != nil || $0.quantity != nil }.map(\.id)
        guard county.isEmpty else {
            throw .invalidData([Diagnostic(file: file, message: "method switches and input quantities apply to county inputs, not grids: \(county.joined(separator: ", "))")])
        }
        (isLinearInPrices, constant, slope) = Self.linearForm(base: base, coefficients: coefficients, parameters: parameters, allowed: true)
        self.base = base
        self.coefficients = coefficients
        self.parameters = parameters
        self.rebuild = rebuild
        year = nil
        priceBasis = nil
        input = nil
        variants = []
        inputBytes = nil
        dimension = parameters.count
        outputCount = 1 + base.services.count
    }

    /// The constant part and slopes of an account linear in its price parameters, or
    /// `(false, [], [])` when some parameter is not a plain line price (or `allowed` is false).
    static func linearForm(base: Account, coefficients: EffectiveCoefficients, parameters: [SensitivityParameter],
                           allowed: Bool) -> (Bool, [Double], [Double]) {
        let outputCount = 1 + base.services.count
        let index = Dictionary(uniqueKeysWithValues: parameters.enumerated().map { ($1.id, $0) })
        let factors = Set(base.services.flatMap { $0.lines.flatMap(\.factorIDs) } + base.imports.flatMap(\.factorIDs))
        let linear = allowed
            && parameters.allSatisfy { coefficients.entries[$0.id]!.isMonetary && !factors.contains($0.id) && $0.base != 0 }
        guard linear else { return (false, [], []) }
        var constant = [Double](repeating: 0, count: outputCount), slope = [Double](repeating: 0, count: outputCount * parameters.count)
        func add(_ lines: [ValueLine], _ values: [Double], output: Int, sign: Double) {
            for (line, value) in zip(lines, values) {
                if let p = index[line.priceID] {
                    slope[output * parameters.count + p] += sign * value / parameters[p].base
                    if output != 0 { slope[p] += sign * value / parameters[p].base }
                } else {
                    constant[output] += sign * value
                    if output != 0 { constant[0] += sign * value }
                }
            }
        }
        for (s, service) in base.services.enumerated() where service.status == .accounted {
            add(service.lines, service.lineValues, output: s + 1, sign: 1)
        }
        for (line, value) in zip(base.imports, base.importValues) {
            if let p = index[line.priceID] { slope[p] -= value / parameters[p].base } else { constant[0] -= value }
        }
        return (true, constant, slope)
    }

    /// Output names: `gep`, then the service ids.
    public var outputNames: [String] { ["gep"] + base.services.map(\.id.id) }

    /// Evaluates one point.
    public func evaluate(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        if isLinearInPrices {
            let d = dimension
            for k in 0..<outputCount {
                var sum = constant[k]
                for p in 0..<d { sum += slope[k * d + p] * x[p] }
                y[k] = sum
            }
            if !y[0].isFinite { failures.record(x, reason: "gep is \(y[0]) (not a finite number)") }
            return
        }
        var changed = coefficients
        var combination = 0, radix = 1
        var switches: [(SensitivityParameter.Switch, Int)] = [], quantities: [(SensitivityParameter.InputQuantity, Double)] = []
        for (p, parameter) in parameters.enumerated() {
            if let choice = parameter.choice {
                combination += choice.index(x[p]) * radix
                radix *= choice.values.count
                switches.append((choice, choice.index(x[p])))
            } else if let quantity = parameter.quantity {
                quantities.append((quantity, x[p]))
            } else {
                changed = changed.replacing(parameter.id, value: x[p])
            }
        }
        do throws(GEPError) {
            let account: Account
            if let rebuild {
                account = try rebuild(changed)
            } else {
                let chosen = if let inputBytes {
                    try Self.changed(input!, bytes: inputBytes, switches: switches, quantities: quantities)
                } else {
                    variants.isEmpty ? input! : variants[combination]
                }
                account = try AccountBuilder.build(input: chosen, coefficients: changed, year: year, priceBasis: priceBasis)
            }
            y[0] = account.total
            for (s, service) in account.services.enumerated() { y[s + 1] = service.value }
        } catch {
            for k in 0..<outputCount { y[k] = .nan }
            let reason = if case let .invalidData(problems) = error {
                problems.map { ($0.path.map { $0 + ": " } ?? "") + $0.message }.joined(separator: "; ")
            } else {
                error.description
            }
            failures.record(x, reason: reason)
            return
        }
        if let k = (0..<outputCount).first(where: { !y[$0].isFinite }) {
            failures.record(x, reason: "\(outputNames[k]) is \(y[k]) (not a finite number)")
            for k in 0..<outputCount { y[k] = .nan }
        }
    }

    /// The input with the given switch choices and quantity values applied, as a scenario would.
    static func changed(_ input: CountyInput, bytes: [UInt8], switches: [(SensitivityParameter.Switch, Int)],
                        quantities: [(SensitivityParameter.InputQuantity, Double)]) throws(GEPError) -> CountyInput {
        var services: [ServiceID: [String: JSON]] = [:]
        for (choice, index) in switches { services[choice.service, default: [:]][choice.key] = choice.values[index] }
        let adjustments = quantities.map { Scenario.Adjustment(path: $0.0.path, operation: .set($0.1, $0.0.unit, nil)) }
        let scenario = Scenario(gridBaselinePath: nil, landCoverRaster: nil, landCoverRule: nil, id: "sensitivity", nameZH: "", nameEN: "",
                                file: input.file, baselinePath: input.file, baselineName: input.file, conversions: [], adjustments: adjustments,
                                coefficients: [], services: services.mapValues { JSON.object($0) }, year: nil, priceBasis: nil)
        return try scenario.apply(toBaseline: bytes)
    }
}
