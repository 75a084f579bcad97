import GEPServices

/// The fused per-cell kernel of the grid account: for one band of decoded rows it computes
/// every driver the plan asks for and adds them, row by row, to the band's records by class
/// and by zone and class (`DriverRows`); with `maps` it also writes each cell's map values.
///
/// Per cell of a mapped class c (depths in mm; products in the factors' units):
/// - water: retained = max(0, P − α_c·P − ET)·[c counted] (`WaterBalance.depth`), yield = P − ET
///   (Fu–Budyko: InVEST's (1 − fractp)·P in Float, and per zone also summed over the zone's
///   runs of cells as `gep water-yield` sums it, so the zone volumes are the same bits),
///   with ET measured (a layer or the class's county figure) or Fu–Budyko's AET computed as
///   InVEST 3.20 does in Float (`WaterYieldCell`); P nodata or 0 leaves the cell out;
/// - each product driver: Π of its layer factors;
/// - stock: V_end − V_start.
/// A cell whose needed layer is nodata (InVEST's rule, `NodataRule`) adds 0 to that driver
/// and counts once in `nodataCells`. Values are summed in Double.
struct DriverKernel: BandFold {
    let plan: DriverPlan
    /// Nodata rules of the plan's layers, in plan index order.
    let rules: [NodataRule]
    /// Nodata rules of the zone layers.
    let zoneRules: [NodataRule]
    /// For each plan layer index, its position among the band's layers (a layer not read
    /// points at the land cover, position 0, and is never used).
    let positions: [Int]
    /// Position of the first zone layer among the band's layers.
    let zoneStart: Int
    /// The per-cell maps to write, if any.
    let maps: CellMaps?

    var outputCount: Int { maps?.count ?? 0 }

    func makePartial() -> DriverRows { DriverRows(zoneSets: zoneRules.count) }

    func makeTotal() -> DriverSums { DriverSums(classCount: plan.classCount, width: plan.width, zoneSets: zoneRules.count) }

    func merge(_ partial: DriverRows, into total: inout DriverSums) { total.add(partial) }

    func process(_ band: GridBand, into partial: inout DriverRows) {
        let layers = positions.map { band.layers[$0].baseAddress! }
        let zones = zoneRules.indices.map { band.layers[zoneStart + $0].baseAddress! }
        accumulate(rows: band.rows.count, width: band.width, layers: layers, zones: zones, outputs: band.outputs.map { $0.baseAddress! },
                   into: &partial)
    }

    /// Adds one band (`rows` rows of `width` cells; `layers[i]` the plan's layer i, `zones[s]`
    /// zone set s, `outputs[m]` map m when maps are written) to `rows`' records, row by row.
    private func accumulate(rows: Int, width: Int, layers: [UnsafePointer<Float>], zones: [UnsafePointer<Float>],
                            outputs: [UnsafeMutablePointer<Float>], into records: inout DriverRows) {
        let p = plan
        let w = p.width
        let classCount = p.classCount
        let columns = max(1, width)
        var rowClass = RowSums(slots: classCount, width: w)
        let cellValues = UnsafeMutablePointer<Double>.allocate(capacity: columns * w)
        cellValues.initialize(repeating: 0, count: columns * w)
        let classOf = UnsafeMutablePointer<Int32>.allocate(capacity: columns)
        let et = UnsafeMutablePointer<Float>.allocate(capacity: columns)
        let scratch = WaterYieldRowScratch(width: columns)
        defer { rowClass.deallocate(); cellValues.deallocate(); classOf.deallocate(); et.deallocate(); scratch.deallocate() }
        var rowZone = RowSums(slots: 4 * classCount, width: w)
        defer { rowZone.deallocate() }
        var rowZoneIDs: [Int] = []
        var rowZoneYield: [Double] = []
        var resolvers = zoneRules.map { ZoneKeyResolver(rule: $0) }
        var unmapped: [Int32: Int] = [:]
        var nodataCells = 0
        let lulc = layers[0], lulcRule = rules[0]
        let waterMissing: UInt8 = 1
        p.mapped.withUnsafeBufferPointer { mapped in
        p.alpha.withUnsafeBufferPointer { alpha in
        p.conserves.withUnsafeBufferPointer { conserves in
        p.classET.withUnsafeBufferPointer { classET in
        p.kc.withUnsafeBufferPointer { kc in
        p.rootDepth.withUnsafeBufferPointer { rootDepth in
        p.vegetated.withUnsafeBufferPointer { vegetated in
            for row in 0..<rows {
                let start = row * width
                // pass 1: classes, water inputs, Fu–Budyko arguments queued for the vegetated cells
                var queued = 0
                for column in 0..<width {
                    let i = start + column
                    let raw = lulc[i]
                    if lulcRule.isNodata(raw) { classOf[column] = -1; continue }
                    let index = LandCoverCode.index(of: raw, limit: Float(classCount), unknown: -1)
                    guard index >= 0, mapped[index] else {
                        unmapped[raw.isFinite && abs(raw) < 2e9 ? Int32(raw.rounded()) : Int32.min, default: 0] += 1
                        classOf[column] = -1
                        continue
                    }
                    let c = index
                    classOf[column] = Int32(c)
                    guard let water = p.water else { continue }
                    let precipitation = layers[p.precipitation][i]
                    var flags: UInt8 = 0
                    if rules[p.precipitation].isNodata(precipitation) || precipitation == 0 {
                        flags = waterMissing
                    } else {
                        switch water {
                        case let .balance(layer?):
                            let value = layers[layer][i]
                            if rules[layer].isNodata(value) { flags = waterMissing } else { et[column] = value }
                        case .balance(nil):
                            break
                        case let .fuBudyko(e0, depth, pawc):
                            let reference = layers[e0][i], soil = layers[depth][i], available = layers[pawc][i]
                            if rules[e0].isNodata(reference) || rules[depth].isNodata(soil) || rules[pawc].isNodata(available) {
                                flags = waterMissing
                            } else {
                                let pet = kc[c] * reference
                                if vegetated[c] {
                                    let (phi, omega) = WaterYieldCell.budykoArguments(pet: pet, precipitation: precipitation, rootDepth: rootDepth[c],
                                                                                      soilDepth: soil, pawc: available, z: p.seasonality)
                                    scratch.phi[queued] = phi
                                    scratch.omega[queued] = omega
                                    scratch.queue[queued] = Int32(column)
                                    queued += 1
                                } else {
                                    let fraction = WaterYieldCell.nonVegetatedFraction(pet: pet, precipitation: precipitation)
                                    scratch.fractp[column] = fraction
                                    et[column] = fraction * precipitation
                                }
                            }
                        }
                    }
                    scratch.flags[column] = flags
                }
                // pass 2: the two powers of the Fu equation, back to back
                for j in 0..<queued { scratch.power[j] = WaterYieldCell.innerPower(phi: scratch.phi[j], omega: scratch.omega[j]) }
                for j in 0..<queued {
                    let column = Int(scratch.queue[j])
                    let fraction = WaterYieldCell.vegetatedFraction(phi: scratch.phi[j], omega: scratch.omega[j], innerPower: scratch.power[j])
                    scratch.fractp[column] = fraction
                    et[column] = fraction * layers[p.precipitation][start + column]
                }
                // pass 3: every driver of every cell, into the row's class sums and cell values
                for column in 0..<width {
                    let c = Int(classOf[column])
                    let cell = cellValues + column * w
                    guard c >= 0 else { continue }
                    let i = start + column
                    var missing = false
                    cell[0] = 1
                    if let water = p.water {
                        if scratch.flags[column] & waterMissing != 0 {
                            cell[DriverPlan.retainedSlot] = 0
                            cell[DriverPlan.yieldSlot] = 0
                            missing = true
                        } else {
                            let precipitation = Double(layers[p.precipitation][i])
                            let evapotranspiration = water == .balance(evapotranspiration: nil) ? classET[c] : Double(et[column])
                            let depth = WaterBalance.depth(precipitation: precipitation, runoffCoefficient: alpha[c], evapotranspiration: evapotranspiration)
                            cell[DriverPlan.retainedSlot] = max(0, depth) * conserves[c]
                            if case .fuBudyko = water {
                                // InVEST's wyield = (1 − fractp)·P in Float, the cell value `gep water-yield` sums
                                cell[DriverPlan.yieldSlot] = Double((1 - scratch.fractp[column]) * layers[p.precipitation][i])
                            } else {
                                cell[DriverPlan.yieldSlot] = precipitation - evapotranspiration
                            }
                        }
                    }
                    for product in p.products {
                        var value = 1.0
                        var valid = true
                        for layer in product.layers {
                            let factor = layers[layer][i]
                            if rules[layer].isNodata(factor) { valid = false; break }
                            value *= Double(factor)
                        }
                        cell[product.slot] = valid ? value : 0
                        missing = missing || !valid
                    }
                    if let stock = p.stock {
                        let begin = layers[stock.start][i], end = layers[stock.end][i]
                        if rules[stock.start].isNodata(begin) || rules[stock.end].isNodata(end) {
                            cell[p.stockSlot] = 0
                            missing = true
                        } else {
                            cell[p.stockSlot] = Double(end) - Double(begin)
                        }
                    }
                    if missing { nodataCells += 1 }
                    rowClass.add(cell, to: c)
                }
                if let maps { maps.write(row: start, width: width, classOf: classOf, cellValues: cellValues, slots: w, into: outputs) }
                rowClass.flush { code, values in
                    records.classCodes.append(Int32(code))
                    records.classValues.append(contentsOf: UnsafeBufferPointer(start: values, count: w))
                }
                // zone pass: runs of equal stored zone values share one zone lookup
                for set in zones.indices {
                    let values = zones[set] + start
                    var column = 0
                    rowZoneIDs.removeAll(keepingCapacity: true)
                    while column < width {
                        let bits = values[column].bitPattern
                        var end = column + 1
                        while end < width && values[end].bitPattern == bits { end += 1 }
                        let id = resolvers[set].id(for: bits)
                        if id < 0 {
                            var cells = 0
                            for j in column..<end where classOf[j] >= 0 { cells += 1 }
                            if cells > 0 { records.invalid[set][bits, default: 0] += cells }
                        } else {
                            var first = column
                            while first < end && classOf[first] < 0 { first += 1 }
                            if first < end {
                                // the zone's row position is looked up once per run of cells
                                var position = rowZoneIDs.firstIndex(of: id) ?? -1
                                if position < 0 {
                                    position = rowZoneIDs.count
                                    rowZoneIDs.append(id)
                                    rowZoneYield.append(0)
                                    rowZone.reserve(slots: rowZoneIDs.count * classCount)
                                }
                                let base = position * classCount
                                var runYield = 0.0
                                for j in first..<end {
                                    let c = Int(classOf[j])
                                    guard c >= 0 else { continue }
                                    rowZone.add(cellValues + j * w, to: base + c)
                                    if w > DriverPlan.yieldSlot { runYield += cellValues[j * w + DriverPlan.yieldSlot] }
                                }
                                rowZoneYield[position] += runYield
                            }
                        }
                        column = end
                    }
                    rowZone.flush { slot, values in
                        records.zoneKeys.append(DriverRows.ZoneKey(set: Int32(set), code: Int32(slot % classCount), id: rowZoneIDs[slot / classCount]))
                        records.zoneValues.append(contentsOf: UnsafeBufferPointer(start: values, count: w))
                    }
                    if p.water != nil {
                        for (position, id) in rowZoneIDs.enumerated() {
                            records.yieldKeys.append(DriverRows.ZoneKey(set: Int32(set), code: -1, id: id))
                            records.yieldValues.append(rowZoneYield[position])
                        }
                    }
                    rowZoneYield.removeAll(keepingCapacity: true)
                }
            }
        }}}}}}}
        for (code, count) in unmapped { records.unmappedCodes[code, default: 0] += count }
        records.nodataCells += nodataCells
    }
}
