/// Finds earlier members with the same key: a linear scan for small objects, a
/// dictionary once an object grows past a few members.
struct KeyIndex {
    /// Member count above which lookups switch from scanning to the dictionary.
    private static let scanLimit = 8
    /// First position of every key, built once the object passes `scanLimit` members.
    private var firstPositions: [String: SourcePosition]?

    /// Records `key` and returns where it first appeared if it is a duplicate.
    /// `members` are the members read before this key.
    mutating func record(_ key: String, at position: SourcePosition, after members: [JSONMember]) -> SourcePosition? {
        if firstPositions == nil, members.count >= Self.scanLimit {
            var table: [String: SourcePosition] = [:]
            for member in members where table[member.key] == nil {
                table[member.key] = member.keyPosition
            }
            firstPositions = table
        }
        if firstPositions != nil {
            if let first = firstPositions?[key] { return first }
            firstPositions?[key] = position
            return nil
        }
        return members.first { $0.key == key }?.keyPosition
    }
}
