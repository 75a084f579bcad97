import GEPCore

/// Finds the figures of an account that are not finite numbers, so that no command reports
/// `inf`, `-inf` or `NaN` (written `null` in JSON) with exit status 0.
///
/// Finite inputs can still overflow Double: `--set price.carbon=1e308` times a million tonnes,
/// or a precipitation of 1e300 mm times an area. Each problem names the figure and what
/// produced it — for a value line its quantity, its price and factor coefficients with their
/// values and origins (the layer file or `--set`); for a physical quantity the inputs and the
/// very large coefficients the service reads — located in `file`, the input the account was built from.
public enum AccountFiniteness {
    /// Coefficients at least this large in magnitude, or this small but not zero (a divisor),
    /// are named as likely causes of an overflow, with every coefficient set by `--set`.
    static let suspiciousMagnitude = 1e100

    /// Whether `coefficient` may have made a figure overflow.
    static func isSuspicious(_ coefficient: Coefficient) -> Bool {
        let size = coefficient.value.magnitude
        return coefficient.origin == "--set" || size >= suspiciousMagnitude || (size > 0 && size <= 1 / suspiciousMagnitude)
    }

    /// Every non-finite figure of `account` (physical quantities, line values, services,
    /// imports, assets, indicators, the total), or none.
    ///
    /// - Parameters:
    ///   - account: The account, with `coefficientsUsed` filled in.
    ///   - file: The input file to blame, as the user named it.
    ///   - inputs: What a service reads, for the message; by default the county inputs its
    ///     spec lists (a grid account names its layers instead).
    public static func problems(in account: Account, file: String,
                                inputs: (ServiceID) -> [String] = { ServiceCatalogue.spec(for: $0).inputs }) -> [Diagnostic] {
        let coefficients = Dictionary(account.coefficientsUsed.map { ($0.coefficient.id, $0) }, uniquingKeysWith: { first, _ in first })
        func describe(_ id: String) -> String {
            guard let used = coefficients[id] else { return id }
            let c = used.coefficient
            return "\(id) = \(c.value) \(c.unit.symbol) (from \(c.origin)\(c.originFile.map { ", \($0)" } ?? ""))"
        }
        var problems: [Diagnostic] = []
        for service in account.services where service.status == .accounted {
            let path = "services.\(service.id.id)"
            let physical = service.physicalByEcosystem.map(\.quantity) + (service.physicalTotal.map { [$0] } ?? [])
            let large = account.coefficientsUsed.filter {
                $0.usedBy.contains(service.id.id) && isSuspicious($0.coefficient)
            }.map { describe($0.coefficient.id) }
            let check = large.isEmpty ? "" : "; coefficients to check: " + large.joined(separator: ", ")
            if let bad = physical.first(where: { !$0.isFinite }) {
                var message = "the physical quantity is not a finite number (\(bad) \(service.physicalUnit.symbol)); "
                message += "an input it reads (\(inputs(service.id).joined(separator: ", "))) or a coefficient is too large to compute with"
                message += check
                problems.append(Diagnostic(file: file, path: path, message: message))
                continue
            }
            for (line, value) in zip(service.lines, service.lineValues) where !value.isFinite {
                let where_ = line.ecosystem.map { " (\($0.id))" } ?? ""
                let factors = line.factorIDs.map { " × " + describe($0) }.joined()
                problems.append(Diagnostic(file: file, path: path,
                                           message: "the value of line \(line.component)\(where_) is not a finite number (\(value) CNY): quantity \(line.quantity) \(line.unit.symbol) × \(describe(line.priceID))\(factors)"))
            }
            if service.lineValues.allSatisfy(\.isFinite), !service.value.isFinite {
                problems.append(Diagnostic(file: file, path: path, message: "the sum of its lines overflows (\(service.value) CNY)\(check)"))
            }
        }
        for (kind, lines, values) in [("imports", account.imports, account.importValues), ("assets", account.assets, account.assetValues)] {
            for (line, value) in zip(lines, values) where !(value.isFinite && line.quantity.isFinite) {
                problems.append(Diagnostic(file: file, path: kind,
                                           message: "\(kind) line \(line.component) is not a finite number (\(line.quantity) \(line.unit.symbol) valued at \(value) CNY with \(describe(line.priceID)))"))
            }
        }
        if problems.isEmpty {
            if !account.total.isFinite {
                problems.append(Diagnostic(file: file, message: "the GEP total is not a finite number (\(account.total) CNY): the services' values overflow when added"))
            }
            for indicator in account.indicators where !indicator.value.isFinite {
                problems.append(Diagnostic(file: file, path: "indicators.\(indicator.id)",
                                           message: "indicator \(indicator.id) is not a finite number (\(indicator.value) \(indicator.unit.symbol)): \(indicator.formula)"))
            }
        }
        return problems
    }
}
