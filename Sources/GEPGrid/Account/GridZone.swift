import GEPCore

/// One zone of a grid input: a zone set by name (`township`, `xinfengjiang`…) and a zone id
/// (0 is the cells outside every zone of the set).
/// A grid account can be focused on it: its account is then that zone's, over the zone's valid
/// cells, with every service priced as for the whole grid.
public struct GridZone: Sendable, Hashable, CustomStringConvertible {
    /// The zone set's name in the input's `zones`.
    public var set: String
    /// The zone id (a value of the zone raster).
    public var id: Int

    /// Creates a zone reference.
    public init(set: String, id: Int) {
        self.set = set
        self.id = id
    }

    /// Reads `SET=ID`, e.g. `xinfengjiang=1`; nil when malformed.
    public init?(parsing text: String) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, let id = Int(parts[1]) else { return nil }
        self.init(set: parts[0], id: id)
    }

    /// `set=id`.
    public var description: String { "\(set)=\(id)" }

    /// The set's index and the zone's position in `sums`, or an error naming the zone sets or
    /// the zones that exist.
    func position(in sums: DriverSums, zones names: [String], file: String) throws(GEPError) -> (set: Int, position: Int) {
        guard let set = names.firstIndex(of: self.set) else {
            throw .invalidData([Diagnostic(file: file, path: "zones", message: "no zone set \"\(self.set)\" (zone sets: \(names.joined(separator: ", ")))")])
        }
        guard let position = sums.zones[set].index[id] else {
            let ids = sums.zones[set].ids.sorted().map(String.init).joined(separator: ", ")
            throw .invalidData([Diagnostic(file: file, path: "zones.\(self.set)", message: "zone \(id) has no valid cells (zones with cells: \(ids))")])
        }
        return (set, position)
    }
}
