import GEPCore
import GEPServices

/// One county input with its file bytes (hashed into the quote).
public struct QuoteCountyInput: Sendable {
    /// The parsed input.
    public var input: CountyInput
    /// The file's bytes, as read.
    public var bytes: [UInt8]

    /// Creates one.
    public init(input: CountyInput, bytes: [UInt8]) {
        self.input = input
        self.bytes = bytes
    }
}

/// Where a quote's accounts come from: a county input, or a grid input (the grid account).
///
/// `account` builds the account with given coefficients and price basis (the band rebuilds it
/// with every coefficient at its low and high end); `drainingShare` is the share of the region
/// draining downstream (a county input's downstream reservoir, or a grid zone's share of the
/// grid's valid cells); `files` are hashed into the quote.
public struct QuoteRegion: Sendable {
    /// The input file as the quote names it.
    public var name: String
    /// Files read for this region, in order (hashed into the quote).
    public var files: [(name: String, bytes: [UInt8])]
    /// Share of the region draining downstream, when known.
    public var drainingShare: SourcedQuantity?
    /// Where the account comes from ("county account", "grid account").
    public var kind: String
    /// Builds the region's account.
    public var account: @Sendable (EffectiveCoefficients, PriceBasis?) throws(GEPError) -> Account

    /// Creates a region.
    public init(name: String, files: [(name: String, bytes: [UInt8])], drainingShare: SourcedQuantity?, kind: String,
                account: @escaping @Sendable (EffectiveCoefficients, PriceBasis?) throws(GEPError) -> Account) {
        self.name = name
        self.files = files
        self.drainingShare = drainingShare
        self.kind = kind
        self.account = account
    }

    /// A county input's region: its account from `AccountBuilder`, its downstream reservoir's draining share.
    public init(county: QuoteCountyInput) {
        let input = county.input
        self.init(name: input.file, files: [(input.file, county.bytes)], drainingShare: input.downstreamReservoir?.drainingShare,
                  kind: "county account") { coefficients, basis throws(GEPError) in
            try AccountBuilder.build(input: input, coefficients: coefficients, priceBasis: basis)
        }
    }
}

/// Computes compensation quotes.
///
/// Schemes (all money in CNY at the account's price basis):
/// - `water_quantity_quality`: T = Q · P_w · f_q · k_c, with Q = water delivered to the
///   reservoir (m³, account indicator), P_w the water price (CNY/m³), the Xin'an-style index
///   P = K₀ · Σᵢ wᵢ·(Cᵢ/Cᵢ₀), the quality factor f_q = max(0, 2 − P), and the payment-capacity
///   coefficient k_c = payer GDP per capita / payee GDP per capita (or a given coefficient).
///   Direction: P ≤ 1 → downstream pays upstream; P > 1 → upstream pays downstream.
/// - `gep_spillover`: T = s · Σ V_j over the downstream-benefiting services (or service lines) j,
///   s = the share of the county draining to the downstream reservoir.
/// - `gep_increment`: T = r · max(0, GEP_t − GEP_{t−1}), both accounts at constant prices of the quote's year.
///
/// Bounds: lower = Σ area (ha) × forgone net income (CNY/ha); upper = the spill-over base, or
/// s × the regulating-services value.
public enum QuoteEngine {
    /// The figures of one computation (before rounding).
    struct Figures {
        var amount: Double
        var formula: String
        var direction: String?
        var parts: [QuotePart]
        var upper: Double
        var upperFormula: String
        var account: Account
        var previous: Account?
        var users: Set<String>
    }

    /// Computes the quote.
    ///
    /// - Parameters:
    ///   - spec: the parsed quote; `quoteFile`/`quoteBytes`: its name and bytes (hashed).
    ///   - current: the county input the quote names; `previous`: the earlier year's input (`gep_increment` only).
    ///   - coefficients: the effective coefficients of the current input's set.
    /// - Throws: `GEPError.invalidData` for inputs the scheme cannot use (no downstream reservoir,
    ///   an unknown service, a missing coefficient), or any account-building error.
    ///   - extraInputs: further files the quote read (a grid input and its rasters), hashed too.
    public static func quote(spec: QuoteSpec, quoteFile: String, quoteBytes: [UInt8], current: QuoteCountyInput,
                             previous: QuoteCountyInput?, coefficients: EffectiveCoefficients,
                             extraInputs: [(name: String, bytes: [UInt8])] = []) throws(GEPError) -> CompensationQuote {
        try quote(spec: spec, quoteFile: quoteFile, quoteBytes: quoteBytes, current: QuoteRegion(county: current),
                  previous: previous.map(QuoteRegion.init(county:)), coefficients: coefficients, extraInputs: extraInputs)
    }

    /// Computes the quote for any region (county or grid); see the county overload.
    public static func quote(spec: QuoteSpec, quoteFile: String, quoteBytes: [UInt8], current: QuoteRegion,
                             previous: QuoteRegion?, coefficients: EffectiveCoefficients,
                             extraInputs: [(name: String, bytes: [UInt8])] = []) throws(GEPError) -> CompensationQuote {
        let figures = try compute(spec: spec, file: quoteFile, current: current, previous: previous, coefficients: coefficients)
        var lowParts: [QuotePart] = []
        var lower = 0.0
        for line in spec.opportunityCost {
            let value = line.area.value * line.income.value
            lower += value
            lowParts.append(QuotePart(symbol: "OC", label: "\(line.label): \(line.area.value) ha × \(line.income.value) CNY/ha",
                                      value: value, unit: "CNY", source: "area: \(line.area.source ?? "no source given"); income: \(line.income.source ?? "no source given")"))
        }
        let amount = figures.amount
        try checkFinite(figures: figures, lower: lower, lowerParts: lowParts, file: quoteFile)
        let check: BoundCheck = amount < lower ? .below_lower : (amount > figures.upper ? .above_upper : .within)
        let totalUnits = spec.rounding.units(amount)
        guard totalUnits.magnitude <= QuoteRounding.largestExactUnits else {
            throw .invalidData([Diagnostic(file: quoteFile, path: "rounding",
                                           message: "the total of \(totalUnits) \(spec.rounding.unit.rawValue) is too large to round and split exactly among the payers (at most 2^53 = 9,007,199,254,740,992 units); check the quote's quantities")])
        }
        let shares = spec.payers.map(\.share.value)
        let split = QuoteRounding.largestRemainder(totalUnits: totalUnits, shares: shares)
        let payers = spec.payers.enumerated().map { i, payer in
            PayerAmount(id: payer.id, name: payer.name, share: payer.share.value, shareSource: payer.share.source ?? "no source given",
                        exact: amount * payer.share.value, rounded: split[i] * spec.rounding.unit.yuan)
        }
        var files = [quoteFile]
        var hashParts = [quoteBytes]
        for region in [current] + (previous.map { [$0] } ?? []) {
            for file in region.files {
                files.append(file.name)
                hashParts.append(file.bytes)
            }
        }
        for extra in extraInputs {
            files.append(extra.name)
            hashParts.append(extra.bytes)
        }
        files.append("effective coefficients (canonical JSON)")
        hashParts.append(Array(canonicalJSON(coefficients).utf8))
        return CompensationQuote(
            id: spec.id, scheme: spec.scheme.name, formula: figures.formula, direction: figures.direction, parts: figures.parts,
            amount: amount, roundedTotal: totalUnits * spec.rounding.unit.yuan, rounding: spec.rounding, payers: payers,
            lowerBound: lower, lowerBoundParts: lowParts, upperBound: figures.upper, upperBoundBasis: spec.upperBound,
            upperBoundFormula: figures.upperFormula, boundCheck: check,
            band: band(spec: spec, file: quoteFile, current: current, previous: previous, coefficients: coefficients),
            bandMethod: "the whole quote recomputed with every coefficient that has a range at its low end, then at its high end (quote quantities unchanged); the band is the smaller and larger of the two amounts",
            priceBasis: figures.account.priceBasis, priceYear: figures.account.priceYear, coefficientLayers: coefficients.layers,
            coefficients: usedCoefficients(figures, coefficients: coefficients), inputFiles: files, inputsSHA256: inputsHash(parts: hashParts))
    }

    /// Refuses a quote with a figure that is not a finite number (an input so large that the
    /// arithmetic overflows), naming every such part.
    static func checkFinite(figures: Figures, lower: Double, lowerParts: [QuotePart], file: String) throws(GEPError) {
        var problems: [Diagnostic] = []
        for part in figures.parts + lowerParts where !part.value.isFinite {
            problems.append(Diagnostic(file: file, message: "quote part \(part.symbol) (\(part.label.echoed(limit: 200))) is not a finite number (\(part.value) \(part.unit)); source: \(part.source.echoed(limit: 200))"))
        }
        let largest = (figures.parts + lowerParts).filter(\.value.isFinite).max { $0.value.magnitude < $1.value.magnitude }
        let suspect = largest.map { "; the largest part is \($0.symbol) = \($0.value) \($0.unit) (\($0.label.echoed(limit: 120)))" } ?? ""
        for (name, value) in [("amount", figures.amount), ("lower bound", lower), ("upper bound", figures.upper)] where !value.isFinite {
            problems.append(Diagnostic(file: file, message: "the quote's \(name) is not a finite number (\(value) CNY): its parts overflow when combined\(suspect)"))
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
    }

    /// SHA-256 over the inputs: each part (quote bytes, county input bytes, the effective
    /// coefficients' canonical JSON) preceded by its length in bytes as an 8-byte big-endian
    /// integer, so no two different input sets hash the same concatenation.
    public static func inputsHash(parts: [[UInt8]]) -> String {
        var message: [UInt8] = []
        for part in parts {
            let n = UInt64(part.count)
            for shift in stride(from: 56, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: n >> UInt64(shift))) }
            message += part
        }
        return SHA256.hex(message)
    }

    /// The effective coefficients as compact, key-sorted JSON: layers, price-index id and
    /// levels, and every coefficient in force (value, unit, base_year, source, low, high, origin).
    public static func canonicalJSON(_ coefficients: EffectiveCoefficients) -> String {
        var entries: [String: JSON] = [:]
        for (id, c) in coefficients.entries {
            entries[id] = .object(["value": .number(c.value), "unit": .string(c.unit.symbol), "base_year": .number(Double(c.baseYear)),
                                   "source": .string(c.source), "low": c.low.map(JSON.number) ?? .null,
                                   "high": c.high.map(JSON.number) ?? .null, "origin": .string(c.origin)])
        }
        var levels: [String: JSON] = [:]
        for (year, level) in coefficients.priceIndex.levels { levels[String(year)] = .number(level) }
        return JSONWriter.string(.object(["layers": .array(coefficients.layers.map(JSON.string)),
                                          "price_index": .object(["id": .string(coefficients.priceIndex.id), "levels": .object(levels)]),
                                          "coefficients": .object(entries)]), pretty: false)
    }

    /// The amount with every ranged coefficient at its low end and at its high end.
    static func band(spec: QuoteSpec, file: String, current: QuoteRegion, previous: QuoteRegion?,
                     coefficients: EffectiveCoefficients) -> (low: Double, high: Double)? {
        var low = coefficients, high = coefficients
        for (id, c) in coefficients.entries {
            if let v = c.low { low = low.replacing(id, value: v) }
            if let v = c.high { high = high.replacing(id, value: v) }
        }
        guard let a = try? compute(spec: spec, file: file, current: current, previous: previous, coefficients: low).amount,
              let b = try? compute(spec: spec, file: file, current: current, previous: previous, coefficients: high).amount,
              a.isFinite, b.isFinite else { return nil }
        return (min(a, b), max(a, b))
    }

    static func usedCoefficients(_ f: Figures, coefficients: EffectiveCoefficients) -> [QuoteCoefficient] {
        var ids = Set<String>()
        for account in [f.account] + (f.previous.map { [$0] } ?? []) {
            for used in account.coefficientsUsed where !f.users.isDisjoint(with: used.usedBy) { ids.insert(used.coefficient.id) }
        }
        for user in f.users where coefficients.entries[user] != nil { ids.insert(user) }
        return ids.sorted().compactMap { id in
            coefficients.entries[id].map {
                QuoteCoefficient(id: id, value: $0.value, unit: $0.unit.symbol, baseYear: $0.baseYear, source: $0.source, origin: $0.origin, low: $0.low, high: $0.high)
            }
        }
    }
}
