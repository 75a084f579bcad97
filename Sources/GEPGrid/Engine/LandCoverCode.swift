/// Land-cover codes as they arrive: `Float` cell values.
enum LandCoverCode {
    /// The dense-table index of a land-cover value: the code itself when it is an integer in
    /// 0..<`limit`, otherwise `unknown` (the table's trailing "not in the table" entry).
    @inline(__always)
    static func index(of code: Float, limit: Float, unknown: Int) -> Int {
        if code >= 0 && code < limit {
            let truncated = Int(code)
            if Float(truncated) == code { return truncated }
        }
        return unknown
    }

    /// `12` for integral values, otherwise the value as written by Swift (such as `3.5`).
    static func describe(_ code: Float) -> String {
        if code == code.rounded(), abs(code) < 1e15 { return String(Int(code)) }
        return "\(code)"
    }
}
