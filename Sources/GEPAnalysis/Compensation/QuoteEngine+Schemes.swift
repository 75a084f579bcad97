import GEPCore
import GEPServices

extension QuoteEngine {
    /// Builds the account(s) and evaluates the scheme and the upper bound (no rounding).
    static func compute(spec: QuoteSpec, file: String, current: QuoteRegion, previous: QuoteRegion?,
                        coefficients: EffectiveCoefficients) throws(GEPError) -> Figures {
        switch spec.scheme {
        case let .waterQuantityQuality(inputs):
            let account = try current.account(coefficients, spec.priceBasis)
            return try water(inputs, spec: spec, file: file, input: current, account: account, coefficients: coefficients)
        case let .gepSpillover(services):
            let account = try current.account(coefficients, spec.priceBasis)
            let s = try drainingShare(current, file: file)
            let (base, parts, users) = try spillover(services, account: account, file: file, kind: current.kind)
            let share = QuotePart(symbol: "s", label: "share of the county draining downstream", value: s.value, unit: "1", source: s.source ?? "county input")
            var f = Figures(amount: s.value * base, formula: "T = s × Σ_j V_j  (j: \(services.joined(separator: ", ")))", direction: nil,
                            parts: parts + [share], upper: 0, upperFormula: "", account: account, previous: nil, users: users)
            try upper(&f, spec: spec, input: current, file: file)
            return f
        case let .gepIncrement(_, year, rate):
            guard let previous else {
                throw .invalidData([Diagnostic(file: file, path: "gep_increment.previous_input", message: "the increment scheme needs the previous year's county input")])
            }
            let now = try current.account(coefficients, .constant(year))
            let before = try previous.account(coefficients, .constant(year))
            let delta = now.total - before.total
            let parts = [
                QuotePart(symbol: "GEP_t", label: "GEP \(now.year) at \(year) constant prices", value: now.total, unit: "CNY", source: current.name),
                QuotePart(symbol: "GEP_t-1", label: "GEP \(before.year) at \(year) constant prices", value: before.total, unit: "CNY", source: previous.name),
                QuotePart(symbol: "ΔGEP", label: "year-on-year GEP change", value: delta, unit: "CNY", source: "GEP_t − GEP_t-1"),
                QuotePart(symbol: "r", label: "award rate on the increment", value: rate.value, unit: "1", source: rate.source ?? "no source given"),
            ]
            let users = Set(now.services.map(\.id.id) + ["imports"])
            var f = Figures(amount: max(0, delta) * rate.value, formula: "T = r × max(0, GEP_t − GEP_t-1), both at constant \(year) prices",
                            direction: nil, parts: parts, upper: 0, upperFormula: "", account: now, previous: before, users: users)
            try upper(&f, spec: spec, input: current, file: file)
            return f
        }
    }

    /// The county's downstream draining share; an error when the input names no downstream reservoir.
    static func drainingShare(_ region: QuoteRegion, file: String) throws(GEPError) -> SourcedQuantity {
        guard let share = region.drainingShare else {
            throw .invalidData([Diagnostic(file: region.name, path: "downstream_reservoir",
                                           message: "the quote \(file) needs the share of the region draining downstream: a county input's \"downstream_reservoir\", or a grid quote's \"draining_zone\"")])
        }
        return share
    }

    /// Σ of the named services' values (`service`) or line values (`service.component`), with one part each.
    static func spillover(_ names: [String], account: Account, file: String, kind: String) throws(GEPError) -> (Double, [QuotePart], Set<String>) {
        var total = 0.0, parts: [QuotePart] = [], users = Set<String>(), problems: [Diagnostic] = []
        for (i, name) in names.enumerated() {
            let pieces = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let service = account.services.first(where: { $0.id.id == pieces[0] }) else {
                var message = "unknown service \"\(pieces[0].echoed())\""
                if let near = EditDistance.nearest(to: pieces[0], in: account.services.map(\.id.id)) { message += "; did you mean \"\(near)\"?" }
                problems.append(Diagnostic(file: file, path: "gep_spillover.services[\(i)]", message: message))
                continue
            }
            var value = service.value
            var label = "value of \(service.id.id)"
            if pieces.count == 2 {
                let matches = zip(service.lines, service.lineValues).filter { $0.0.component == pieces[1] }
                guard !matches.isEmpty else {
                    problems.append(Diagnostic(file: file, path: "gep_spillover.services[\(i)]",
                                               message: "service \(service.id.id) has no line \"\(pieces[1])\" (lines: \(Set(service.lines.map(\.component)).sorted().joined(separator: ", ")))"))
                    continue
                }
                value = service.status == .accounted ? matches.reduce(0) { $0 + $1.1 } : 0
                label = "value of the \(pieces[1]) line of \(service.id.id)"
            }
            let status = service.status == .accounted ? "\(kind) (\(service.method))" : "not accounted in the \(kind): 0"
            total += value
            users.insert(service.id.id)
            parts.append(QuotePart(symbol: "V_\(name)", label: label, value: value, unit: "CNY", source: status))
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
        return (total, parts, users)
    }

    /// Fills the upper bound: s × spill-over base, or s × regulating value.
    static func upper(_ f: inout Figures, spec: QuoteSpec, input: QuoteRegion, file: String) throws(GEPError) {
        let s = try drainingShare(input, file: file).value
        switch spec.upperBound {
        case .spillover:
            let names: [String] = if case let .gepSpillover(services) = spec.scheme { services } else { defaultSpilloverServices }
            let (base, _, users) = try spillover(names, account: f.account, file: file, kind: input.kind)
            f.upper = s * base
            f.users.formUnion(users)
            f.upperFormula = "ecosystem-service value spilling over: s × Σ_j V_j (j: \(names.joined(separator: ", "))) = \(s) × \(base) CNY"
        case .regulating:
            let base = f.account.value(of: .regulating)
            f.upper = s * base
            f.users.formUnion(f.account.services.filter { $0.id.category == .regulating }.map(\.id.id))
            f.upperFormula = "regulating-services value × draining share: s × V_regulating = \(s) × \(base) CNY"
        }
    }
}
