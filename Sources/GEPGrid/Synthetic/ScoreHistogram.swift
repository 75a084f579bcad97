/// A 65,536-bin histogram of a score over selected cells, for picking the lowest-scoring
/// fraction of them (ties resolve at bin granularity, so shares land within about 1/65,536 of
/// the cells, plus ties).
struct ScoreHistogram {
    static let binCount = 65_536
    private let low: Float
    private let scale: Float
    private var cumulative: [Int]

    /// Histograms `scores` over the cells for which `selected` is true.
    init(scores: [Float], selected: (Int) -> Bool) {
        var low = Float.infinity, high = -Float.infinity
        for index in scores.indices where selected(index) {
            low = min(low, scores[index])
            high = max(high, scores[index])
        }
        self.low = low
        scale = high > low ? Float(Self.binCount) / (high - low) : 0
        var counts = [Int](repeating: 0, count: Self.binCount)
        cumulative = []
        for index in scores.indices where selected(index) {
            counts[bin(scores[index])] += 1
        }
        var running = 0
        cumulative = counts.map { count in
            running += count
            return running
        }
    }

    /// The bin of a score.
    func bin(_ score: Float) -> Int {
        min(Self.binCount - 1, max(0, Int((score - low) * scale)))
    }

    /// The smallest bin whose cumulative count reaches `target`; −1 when `target` ≤ 0.
    func cutoff(forLowest target: Int) -> Int {
        guard target > 0 else { return -1 }
        var lower = 0, upper = Self.binCount - 1
        while lower < upper {
            let middle = (lower + upper) / 2
            if cumulative[middle] >= target { upper = middle } else { lower = middle + 1 }
        }
        return lower
    }
}
