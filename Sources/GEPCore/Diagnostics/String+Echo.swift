extension String {
    /// The longest text, in characters, that a message echoes from the input.
    public static let echoLimit = 80

    /// This text as a message echoes it: whole when at most `limit` characters, otherwise its
    /// first `limit` characters followed by `…` and the number of characters left out
    /// (a million-digit number in an input is not repeated in full).
    public func echoed(limit: Int = echoLimit) -> String {
        guard utf8.count > limit else { return self }
        var count = 0
        var end = startIndex
        for index in indices {
            if count == limit { end = index; break }
            count += 1
        }
        guard count == limit, end != startIndex else { return self }
        let rest = self[end...].count
        return rest == 0 ? self : "\(self[..<end])… (\(rest) more characters)"
    }
}
