/// A computation `GridEngine` streams over row bands: each band is folded into a partial on
/// a worker, and the partials are merged into the total strictly in band order.
///
/// For results that do not depend on the band height, a partial should keep what each row
/// contributes apart (per-row records), and `merge` should add the rows one by one: then every
/// sum is formed in row order, however the rows were grouped into bands or threads.
protocol BandFold: Sendable {
    /// What one band produces.
    associatedtype Partial
    /// What the merged bands produce.
    associatedtype Total
    /// How many per-cell output rasters `process` writes when outputs are requested.
    var outputCount: Int { get }
    /// An empty partial, for one band.
    func makePartial() -> Partial
    /// Empties a merged partial for the next band, keeping its storage (the default makes a new one).
    func clear(_ partial: inout Partial)
    /// An empty total.
    func makeTotal() -> Total
    /// Folds one band: reads `band.layers`, writes `band.outputs` when non-empty.
    func process(_ band: GridBand, into partial: inout Partial)
    /// Adds one band's partial to the total (called in band order, on one thread at a time).
    func merge(_ partial: Partial, into total: inout Total)
}

extension BandFold {
    func clear(_ partial: inout Partial) { partial = makePartial() }
}

/// A `GridKernel` as a fold: its zone layer (when given) is the fold's zone layer, each band
/// gives a `BandAccumulator`, and a `ZoneMerger` adds them into grid and zone totals.
struct ZoneFold<Kernel: GridKernel>: BandFold {
    let kernel: Kernel
    let zoneRule: ZoneNodataRule
    /// Zone ids for a band when there is no zone layer (all 0), band capacity cells.
    let noZones: [Double]

    var outputCount: Int { kernel.outputCount }

    func makePartial() -> BandAccumulator<Kernel.Record> { BandAccumulator() }

    func makeTotal() -> ZoneMerger<Kernel.Record> { ZoneMerger(zoneRule: zoneRule) }

    func process(_ band: GridBand, into partial: inout BandAccumulator<Kernel.Record>) {
        if let zones = band.zoneLayers.first {
            kernel.process(GridBand(rows: band.rows, width: band.width, layers: band.layers, zones: zones.band, zoneLayers: band.zoneLayers,
                                    outputs: band.outputs), into: &partial)
        } else {
            noZones.withUnsafeBufferPointer { zeros in
                kernel.process(GridBand(rows: band.rows, width: band.width, layers: band.layers,
                                        zones: UnsafeBufferPointer(rebasing: zeros[..<band.cellCount]), zoneLayers: [], outputs: band.outputs),
                               into: &partial)
            }
        }
    }

    func merge(_ partial: BandAccumulator<Kernel.Record>, into total: inout ZoneMerger<Kernel.Record>) {
        total.merge(partial)
    }
}
