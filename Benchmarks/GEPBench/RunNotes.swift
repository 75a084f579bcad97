/// What a run found besides timings: agreement checks, the numpy baseline, remarks.
final class RunNotes {
    /// One pass/fail check with its figures.
    struct Check {
        var name: String
        var detail: String
        var passed: Bool
    }

    var checks: [Check] = []
    var numpy: NumpyOutcome?
    var remarks: [String] = []

    func check(_ name: String, _ passed: Bool, _ detail: String) {
        checks.append(Check(name: name, detail: detail, passed: passed))
    }
}

/// The largest relative difference between paired values (|a − b| / max(|a|, |b|), 0 when both are 0).
func maxRelativeDifference(_ pairs: [(Double, Double)]) -> Double {
    pairs.map { a, b in
        guard a.isFinite && b.isFinite else { return .infinity }
        let scale = max(abs(a), abs(b))
        return scale == 0 ? 0 : abs(a - b) / scale
    }.max() ?? 0
}
