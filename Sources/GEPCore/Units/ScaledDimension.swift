/// What a unit means, without its spelling: a dimension and an exact scale to coherent
/// base units. Parsing and unit arithmetic work on these; `PhysicalUnit` adds the symbol.
struct ScaledDimension: Sendable, Hashable {
    var dimension: Dimension
    var scale: ExactScale

    /// The pure number 1.
    static let dimensionless = ScaledDimension(.dimensionless, .one)

    init(_ dimension: Dimension, _ scale: ExactScale) {
        self.dimension = dimension
        self.scale = scale
    }

    /// The largest exponent magnitude in the dimension or the scale.
    var largestExponent: Int {
        dimension.powers.map { abs($0.exponent) }.reduce(scale.largestExponent, max)
    }

    func raised(to exponent: Int) -> ScaledDimension {
        ScaledDimension(dimension.raised(to: exponent), scale.raised(to: exponent))
    }

    static func * (lhs: ScaledDimension, rhs: ScaledDimension) -> ScaledDimension {
        ScaledDimension(lhs.dimension * rhs.dimension, lhs.scale * rhs.scale)
    }

    static func / (lhs: ScaledDimension, rhs: ScaledDimension) -> ScaledDimension {
        ScaledDimension(lhs.dimension / rhs.dimension, lhs.scale / rhs.scale)
    }
}
