import GEPCore
import GEPGrid
import GEPRaster
import GEPSensitivity
import GEPServices

/// An account-valued sensitivity model as the `gep sensitivity` command reports it.
public protocol AccountSensitivityModel: SensitivityModel {
    /// Output names: `gep`, then the service ids.
    var outputNames: [String] { get }
    /// The first output at the parameters' base values, CNY.
    var baseTotal: Double { get }
    /// True when every run is a dot product (price-only parameters).
    var isLinearInPrices: Bool { get }
    /// Where failed runs are recorded.
    var failureLogs: [RunFailures] { get }
}

/// A scenario's difference from its baseline as a sensitivity model: every run draws the
/// parameters once, builds both accounts with them and returns scenario − baseline for GEP and
/// every service (CNY). Answers whether a scenario's gain or loss holds across the uncertainty.
///
/// Both sides take the same drawn values; the scenario's own changes (land cover, adjusted
/// inputs, switched services, its coefficient changes) stay as the scenario file states them,
/// so a parameter may not be a coefficient the scenario changes.
public struct ScenarioDifferenceModel: AccountSensitivityModel {
    /// The baseline account as a model.
    public let baseline: AccountModel
    /// The scenario account as a model (same parameters).
    public let scenario: AccountModel

    /// Builds both sides of a county scenario: the baseline input and coefficients, and the
    /// scenario applied to them (its input changes, its coefficient changes, its year and price
    /// basis), each with `parameters`.
    ///
    /// - Parameters:
    ///   - baselineBytes: the baseline input file's bytes (the scenario is applied to them).
    ///   - coefficients: the baseline's coefficients (with any `--coefficients`/`--set`).
    ///   - parameters: coefficients only; parsed against `coefficients`.
    /// - Throws: `.invalidData` for a grid scenario, a switch or input-quantity parameter, a
    ///   parameter the scenario itself changes, or any problem of the scenario.
    public init(scenario: Scenario, baselineBytes: [UInt8], coefficients: EffectiveCoefficients,
                parameters: [SensitivityParameter]) throws(GEPError) {
        if scenario.gridBaselinePath != nil {
            throw .invalidData([Diagnostic(file: scenario.file, message: "a grid scenario's difference is built with init(gridScenario:…)")])
        }
        try Self.check(scenario, parameters)
        let sides = try scenario.countySides(baselineBytes: baselineBytes)
        let scenarioCoefficients = try ScenarioRunner.changedCoefficients(scenario, coefficients)
        baseline = try AccountModel(input: sides.baseline, coefficients: coefficients, parameters: parameters)
        self.scenario = try scenario.blamingScenario { () throws(GEPError) in
            try AccountModel(input: sides.changed, coefficients: scenarioCoefficients, parameters: parameters,
                             year: scenario.year, priceBasis: sides.priceBasis)
        }
    }

    /// Builds both sides of a grid scenario as incremental grid accounts (each run refolds only
    /// the per-cell parts its draws change): the grid input, and again with the scenario's land
    /// cover (a replacement raster or a rule), coefficient changes, year and price basis.
    ///
    /// - Parameters:
    ///   - coefficients: the grid input's coefficients (with any `--coefficients`/`--set`).
    ///   - focus: a zone whose accounts are compared instead of the whole grid's.
    ///   - open: opens a layer file (GeoTIFF or ESRI ASCII).
    /// - Throws: as `init(scenario:baselineBytes:coefficients:parameters:)`, and every problem
    ///   of the grid input and its layers, or of `focus`.
    public init(gridScenario scenario: Scenario, coefficients: EffectiveCoefficients, parameters: [SensitivityParameter], threads: Int,
                focus: GridZone? = nil, open: @escaping @Sendable (String) throws(GEPError) -> any RasterBand) throws(GEPError) {
        guard let gridPath = scenario.gridBaselinePath else {
            throw .invalidData([Diagnostic(file: scenario.file, message: "a county scenario's difference is built with init(scenario:…)")])
        }
        try Self.check(scenario, parameters)
        let (input, classes) = try scenario.gridBaseline(gridPath)
        let scenarioCoefficients = try ScenarioRunner.changedCoefficients(scenario, coefficients)
        let scenarioOpen = scenario.opening(landCoverOf: input, with: open)
        let varying = Set(parameters.map(\.id))
        let before = try IncrementalGridAccount(input: input, classes: classes, coefficients: coefficients, threads: threads, focus: focus,
                                                varying: varying, open: open)
        let after = try IncrementalGridAccount(input: scenario.changedGridInput(input), classes: classes, coefficients: scenarioCoefficients,
                                               priceBasis: scenario.priceBasis, threads: threads, focus: focus, varying: varying, open: scenarioOpen)
        baseline = try AccountModel(gridAccount: before.base.account, file: scenario.file, coefficients: coefficients, parameters: parameters) { changed throws(GEPError) in
            try before.account(coefficients: changed).account
        }
        self.scenario = try AccountModel(gridAccount: after.base.account, file: scenario.file, coefficients: scenarioCoefficients,
                                         parameters: parameters) { changed throws(GEPError) in
            try after.account(coefficients: changed).account
        }
    }

    /// Refuses what a difference cannot vary: switches and input quantities, and any coefficient
    /// the scenario itself changes.
    private static func check(_ scenario: Scenario, _ parameters: [SensitivityParameter]) throws(GEPError) {
        var problems: [Diagnostic] = []
        for parameter in parameters where parameter.choice != nil || parameter.quantity != nil {
            problems.append(Diagnostic(file: scenario.file, message: "\(parameter.id): method switches and input quantities are not varied in a scenario difference (the scenario sets its own)"))
        }
        let changed = Set(scenario.coefficients.map(\.id))
        for parameter in parameters where changed.contains(parameter.id) {
            problems.append(Diagnostic(file: scenario.file, path: "coefficients.\(parameter.id)",
                                       message: "the scenario changes \(parameter.id), so it cannot also be a parameter of the difference"))
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
    }

    /// Number of parameters.
    public var dimension: Int { baseline.dimension }
    /// 1 + the number of services.
    public var outputCount: Int { baseline.outputCount }
    /// `gep`, then the service ids (each a difference, scenario − baseline).
    public var outputNames: [String] { baseline.outputNames }
    /// Scenario GEP − baseline GEP at the base values, CNY.
    public var baseTotal: Double { scenario.base.total - baseline.base.total }
    /// True when both sides are dot products.
    public var isLinearInPrices: Bool { baseline.isLinearInPrices && scenario.isLinearInPrices }
    /// Both sides' failure logs.
    public var failureLogs: [RunFailures] { [baseline.failures, scenario.failures] }

    /// y = y_scenario − y_baseline.
    public func evaluate(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        let k = outputCount
        withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { base in
            baseline.evaluate(x, into: base)
            scenario.evaluate(x, into: y)
            for c in 0..<k { y[c] -= base[c] }
        }
    }
}
