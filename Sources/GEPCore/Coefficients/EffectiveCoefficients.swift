/// The coefficients in force for one run: the library layers from the root set down to the
/// chosen set, then any user files (`--coefficients`), then single overrides (`--set`).
///
/// Each id keeps its whole history, so `gep coefficients show` can print where the value
/// in force came from and what it replaced.
public struct EffectiveCoefficients: Sendable {
    /// Layer names, first (root) to last.
    public private(set) var layers: [String]
    /// The value in force for each id.
    public private(set) var entries: [String: Coefficient]
    /// Every version of each id, first layer first; the last is the one in force.
    public private(set) var history: [String: [Coefficient]]
    /// The price-index series chosen by the last layer that names one.
    public var priceIndex: PriceIndex

    /// Resolves the layers.
    ///
    /// - Parameters:
    ///   - library: the shipped library.
    ///   - setID: the library set to start from (its `extends` chain is followed to the root).
    ///   - userSets: extra layers, applied in order after the library chain.
    ///   - overrides: `(id, value)` pairs applied last; the value is in the coefficient's own unit.
    /// - Throws: `GEPError.invalidData` for an unknown set, a missing price index, or an
    ///   override of an id that no layer defines (with the nearest id as a hint).
    public static func resolve(library: CoefficientLibrary, setID: String, userSets: [CoefficientSet] = [],
                               overrides: [(id: String, value: Double)] = []) throws(GEPError) -> EffectiveCoefficients {
        let chain = try library.chain(to: setID) + userSets
        var entries: [String: Coefficient] = [:]
        var history: [String: [Coefficient]] = [:]
        var indexID: String?, indexChooser: CoefficientSet?
        var problems: [Diagnostic] = []
        for set in chain {
            if let chosen = set.priceIndex { (indexID, indexChooser) = (chosen, set) }
            for coefficient in set.coefficients {
                var coefficient = coefficient
                coefficient.origin = set.id
                coefficient.originFile = set.file
                if coefficient.domain == nil { coefficient.domain = entries[coefficient.id]?.domain }
                if let domain = coefficient.domain {
                    let outside = [("value", Optional(coefficient.value)), ("low", coefficient.low), ("high", coefficient.high)]
                        .filter { $0.1.map { !domain.contains($0) } ?? false }
                    for (key, number) in outside {
                        problems.append(Diagnostic(file: set.file, message: "\(coefficient.id): \(key) \(number!) is outside the domain \(domain) set by an earlier layer"))
                    }
                }
                entries[coefficient.id] = coefficient
                history[coefficient.id, default: []].append(coefficient)
            }
        }
        guard let indexID, let index = library.priceIndices[indexID] else {
            if let indexID, let indexChooser {
                var message = "unknown price index \"\(indexID.echoed())\""
                if let near = EditDistance.nearest(to: indexID, in: library.priceIndices.keys.sorted()) { message += "; did you mean \"\(near)\"?" }
                message += " (series: \(library.priceIndices.keys.sorted().joined(separator: ", ")))"
                throw .invalidData([Diagnostic(file: indexChooser.file, path: "price_index", message: message)])
            }
            throw .invalidData([Diagnostic(file: chain.last?.file, message: "no price-index series is chosen by the coefficient sets \(chain.map(\.id).joined(separator: " → ")); set \"price_index\" in one of them")])
        }
        for (id, value) in overrides {
            guard var coefficient = entries[id] else {
                var message = "--set \(id)=…: no coefficient \"\(id)\" in the sets \(chain.map(\.id).joined(separator: " → "))"
                if let near = EditDistance.nearest(to: id, in: entries.keys.sorted()) { message += "; did you mean \"\(near)\"?" }
                problems.append(Diagnostic(message: message))
                continue
            }
            guard value.isFinite else {
                problems.append(Diagnostic(message: "--set \(id)=\(value): the value must be a finite number"))
                continue
            }
            if let domain = coefficient.domain, !domain.contains(value) {
                problems.append(Diagnostic(message: "--set \(id)=\(value): outside the coefficient's domain \(domain) (\(coefficient.unit.symbol))"))
                continue
            }
            coefficient.value = value
            coefficient.origin = "--set"
            coefficient.originFile = nil
            coefficient.source = "command-line override (--set \(id)=\(value)); replaces: \(coefficient.source)"
            if let low = coefficient.low, value < low { coefficient.low = value }
            if let high = coefficient.high, value > high { coefficient.high = value }
            entries[id] = coefficient
            history[id, default: []].append(coefficient)
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
        return EffectiveCoefficients(layers: chain.map(\.id) + (overrides.isEmpty ? [] : ["--set"]),
                                     entries: entries, history: history, priceIndex: index)
    }

    /// All ids in force, sorted.
    public var ids: [String] { entries.keys.sorted() }

    /// Returns a copy with one coefficient set to `value` (in its own unit), recording `origin`
    /// and why in its history, as `--set` does; `nil` when no layer defines `id`.
    public func overriding(_ id: String, value: Double, origin: String, reason: String) -> EffectiveCoefficients? {
        guard var coefficient = entries[id] else { return nil }
        var copy = self
        coefficient.value = value
        coefficient.origin = origin
        coefficient.originFile = nil
        coefficient.source = "\(reason); replaces: \(coefficient.source)"
        if let low = coefficient.low, value < low { coefficient.low = value }
        if let high = coefficient.high, value > high { coefficient.high = value }
        copy.entries[id] = coefficient
        copy.history[id, default: []].append(coefficient)
        if copy.layers.last != origin { copy.layers.append(origin) }
        return copy
    }

    /// Returns a copy with one coefficient's value replaced (for what-if and sensitivity runs).
    public func replacing(_ id: String, value: Double) -> EffectiveCoefficients {
        var copy = self
        copy.entries[id]?.value = value
        return copy
    }
}
