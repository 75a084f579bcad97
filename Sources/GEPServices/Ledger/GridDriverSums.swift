import GEPCore

/// What a grid gives the service models in place of the county's statistics: driver sums by
/// ecosystem type, folded cell by cell from the layers.
///
/// For a product driver the grid sums the product of the factors it has layers for
/// (Σ Π layer factors · depth scale · a); the model multiplies by the county values of the
/// other factors (`ModelContext.product`). A driver the grid did not fold (no layers for it,
/// such as the stock increment without stock-density rasters) is absent, and the model uses
/// the county's total for it, which the grid then allocates by area.
public struct GridDriverSums: Sendable {
    /// Driver sums by type.
    public var sums: [EcosystemType: [CellDriver: Double]]
    /// The drivers folded from the grid.
    public var folded: Set<CellDriver>
    /// The factor keys the grid has layers for.
    public var layers: Set<String>

    /// Creates the sums.
    public init(sums: [EcosystemType: [CellDriver: Double]], folded: Set<CellDriver>, layers: Set<String>) {
        self.sums = sums
        self.folded = folded
        self.layers = layers
    }

    /// The sum of `driver` over the cells of `type` (0 when the type has none), or nil when the
    /// grid did not fold the driver.
    public func sum(_ driver: CellDriver, _ type: EcosystemType) -> Double? {
        folded.contains(driver) ? (sums[type]?[driver] ?? 0) : nil
    }
}
