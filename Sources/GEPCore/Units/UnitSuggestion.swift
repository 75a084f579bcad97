/// Guesses which known symbol an unknown unit symbol was meant to be.
enum UnitSuggestion {
    /// A likely intended symbol, or nil: a mass missing its tag underscore (`tCO2` → `t_CO2`),
    /// else a known symbol equal ignoring case (`kwh` → `kWh`), else the first known symbol
    /// within edit distance 1 (symbols up to 3 characters) or 2 (longer).
    static func suggestion(for symbol: String) -> String? {
        if let tagged = taggedMass(symbol) { return tagged }
        let known = UnitSymbols.named.map(\.0)
        let folded = symbol.lowercased()
        if let match = known.first(where: { $0.lowercased() == folded }) { return match }
        let limit = symbol.count <= 3 ? 1 : 2
        var best: (symbol: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(Array(symbol), Array(candidate))
            if distance <= limit && distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.symbol
    }

    /// `tCO2` → `t_CO2`: a mass symbol followed directly by a tag starting with a capital letter.
    private static func taggedMass(_ symbol: String) -> String? {
        let prefixes = UnitSymbols.masses.map(\.0).sorted { $0.count > $1.count }
        for prefix in prefixes where symbol.hasPrefix(prefix) {
            let tag = symbol.dropFirst(prefix.count)
            if let first = tag.first, first.isUppercase, UnitSymbols.isSubstanceTag(tag) {
                return "\(prefix)_\(tag)"
            }
        }
        return nil
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and
    /// transpositions of adjacent characters each cost 1.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var distance = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    distance = min(distance, table[i - 2][j - 2] + 1)
                }
                table[i][j] = distance
            }
        }
        return table[a.count][b.count]
    }
}
