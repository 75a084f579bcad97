/// A positive rational scale factor 2^twos · 3^threes · 5^fives.
///
/// Every unit symbol's scale is of this form (10ⁿ, 3600, 3.6e6, 10000/15, …), so keeping
/// exponents makes products, quotients and powers of scales exact; a `Double` is produced
/// only when read, with one rounding (e.g. `km2 → ha` is exactly 100, `mu → ha` is 1/15
/// correctly rounded).
struct ExactScale: Sendable, Hashable {
    var twos: Int
    var threes: Int
    var fives: Int

    /// The scale 1.
    static let one = ExactScale(twos: 0, threes: 0, fives: 0)

    init(twos: Int, threes: Int, fives: Int) {
        self.twos = twos
        self.threes = threes
        self.fives = fives
    }

    /// Factors a positive integer whose only prime factors are 2, 3 and 5.
    init(_ integer: Int) {
        precondition(integer > 0, "a scale must be positive")
        var rest = integer
        func strip(_ prime: Int) -> Int {
            var count = 0
            while rest % prime == 0 {
                rest /= prime
                count += 1
            }
            return count
        }
        self.init(twos: strip(2), threes: strip(3), fives: strip(5))
        precondition(rest == 1, "\(integer) has a prime factor other than 2, 3 and 5")
    }

    /// 10^exponent.
    static func powerOfTen(_ exponent: Int) -> ExactScale {
        ExactScale(twos: exponent, threes: 0, fives: exponent)
    }

    /// The largest exponent magnitude; used to refuse absurdly large powers.
    var largestExponent: Int {
        max(abs(twos), abs(threes), abs(fives))
    }

    /// The nearest `Double`: the odd part 3^threes · 5^fives is one correctly rounded
    /// quotient of exact integers (exact while they stay below 2⁵³), then scaled exactly by 2^twos.
    var value: Double {
        let odd = Self.oddProduct(threes: max(threes, 0), fives: max(fives, 0))
            / Self.oddProduct(threes: max(-threes, 0), fives: max(-fives, 0))
        return Double(sign: .plus, exponent: twos, significand: odd)
    }

    private static func oddProduct(threes: Int, fives: Int) -> Double {
        var product = 1.0
        for _ in 0..<threes { product *= 3 }
        for _ in 0..<fives { product *= 5 }
        return product
    }

    /// This scale to an integer power.
    func raised(to exponent: Int) -> ExactScale {
        ExactScale(twos: twos * exponent, threes: threes * exponent, fives: fives * exponent)
    }

    static func * (lhs: ExactScale, rhs: ExactScale) -> ExactScale {
        ExactScale(twos: lhs.twos + rhs.twos, threes: lhs.threes + rhs.threes, fives: lhs.fives + rhs.fives)
    }

    static func / (lhs: ExactScale, rhs: ExactScale) -> ExactScale {
        lhs * rhs.raised(to: -1)
    }
}
