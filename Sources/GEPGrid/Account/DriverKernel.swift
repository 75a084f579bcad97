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
    let zoneRules: [ZoneNodataRule]
    /// For each plan layer index, its position among the band's layers (a layer not read
    /// points at the land cover, position 0, and is never used).
    let positions: [Int]
    /// The per-cell maps to write, if any.
    let maps: CellMaps?

    var outputCount: Int { maps?.count ?? 0 }

    func makePartial() -> DriverRows { DriverRows(zoneSets: zoneRules.count) }

    func clear(_ partial: inout DriverRows) { partial.removeAll() }

    func makeTotal() -> DriverSums { DriverSums(classCount: plan.classCount, width: plan.width, zoneSets: zoneRules.count) }

    func merge(_ partial: DriverRows, into total: inout DriverSums) { total.add(partial) }

    func process(_ band: GridBand, into partial: inout DriverRows) {
        let layers = positions.map { band.layers[$0].baseAddress! }
        accumulate(rows: band.rows.count, width: band.width, layers: layers, zones: band.zoneLayers, outputs: band.outputs.map { $0.baseAddress! },
                   into: &partial)
    }

    /// Adds one band (`rows` rows of `width` cells; `layers[i]` the plan's layer i, `zones[s]`
    /// zone set s, `outputs[m]` map m when maps are written) to `records`, row by row.
    ///
    /// Per row: pass 1 classifies the cells and prepares the water part, pass 2 runs Fu's
    /// powers back to back, pass 3 computes every cell's slots, and the zone pass adds each
    /// cell once, into the row's sums of its class in its run's combination of zones (one id
    /// per zone set); the row's class and zone × class records are then added up from those
    /// combinations, so the cost per cell does not grow with the number of zone sets.
    private func accumulate(rows: Int, width: Int, layers layerList: [UnsafePointer<Float>], zones: [ZoneRows],
                            outputs: [UnsafeMutablePointer<Float>], into records: inout DriverRows) {
        let p = plan
        let w = p.width
        let classCount = p.classCount
        let columns = max(1, width)
        let sets = zones.count
        let cellValues = UnsafeMutablePointer<Double>.allocate(capacity: columns * w)
        cellValues.initialize(repeating: 0, count: columns * w)
        for column in 0..<columns { cellValues[column * w] = 1 }   // slot 0 counts the cell
        let missing = UnsafeMutablePointer<UInt8>.allocate(capacity: columns)
        let classOf = UnsafeMutablePointer<Int32>.allocate(capacity: columns)
        let et = UnsafeMutablePointer<Float>.allocate(capacity: columns)
        let scratch = WaterYieldRowScratch(width: columns)
        let layers = UnsafeMutableBufferPointer<UnsafePointer<Float>>.allocate(capacity: max(1, layerList.count))
        _ = layers.initialize(from: layerList)
        let low = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(1, rules.count))
        _ = low.initialize(from: rules.map(\.low))
        let high = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(1, rules.count))
        _ = high.initialize(from: rules.map(\.high))
        // product drivers flattened: factors of product k are factorLayers[factorStart[k]..<factorStart[k + 1]]
        let factorLayers = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, p.products.reduce(0) { $0 + $1.layers.count }))
        _ = factorLayers.initialize(from: p.products.flatMap(\.layers))
        let factorStart = UnsafeMutableBufferPointer<Int>.allocate(capacity: p.products.count + 1)
        let productSlots = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, p.products.count))
        var offset = 0
        for (k, product) in p.products.enumerated() {
            factorStart[k] = offset
            productSlots[k] = product.slot
            offset += product.layers.count
        }
        factorStart[p.products.count] = offset
        var rowCombo = RowSums(slots: 4 * classCount, width: w)
        var rowClass = RowSums(slots: classCount, width: w)
        var rowZones = (0..<sets).map { _ in RowSums(slots: 4 * classCount, width: w) }
        defer {
            cellValues.deallocate(); missing.deallocate(); classOf.deallocate(); et.deallocate(); scratch.deallocate()
            layers.deallocate(); low.deallocate(); high.deallocate()
            factorLayers.deallocate(); factorStart.deallocate(); productSlots.deallocate()
            rowCombo.deallocate(); rowClass.deallocate()
            for sums in rowZones { sums.deallocate() }
        }
        // the row's zone combinations: per combination, its zone id and row position in each set (−1: none)
        var comboIDs: [Int] = [], comboPositions: [Int] = [], runIDs = [Int](repeating: 0, count: sets), runEnds = [Int](repeating: 0, count: sets)
        var rowZoneIDs = [[Int]](repeating: [], count: sets)
        var rowYieldIDs = [[Int]](repeating: [], count: sets), rowYields = [[Double]](repeating: [], count: sets)
        var resolvers = zoneRules.map { ZoneKeyResolver(rule: $0) }
        var unmapped: [Int32: Int] = [:]
        var nodataCells = 0
        let lulc = layers[0], lulcRule = rules[0]
        let waterMissing: UInt8 = 1
        let productCount = p.products.count
        let precipitationLayer = p.precipitation
        let hasWater = p.water != nil, classETOnly = p.water == .balance(evapotranspiration: nil), budyko = p.isFuBudyko
        let stock = p.stock, stockSlot = p.stockSlot
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
                    let precipitation = layers[precipitationLayer][i]
                    var flags: UInt8 = 0
                    if isNodata(precipitation, precipitationLayer) || precipitation == 0 {
                        flags = waterMissing
                    } else {
                        switch water {
                        case let .balance(layer?):
                            let value = layers[layer][i]
                            if isNodata(value, layer) { flags = waterMissing } else { et[column] = value }
                        case .balance(nil):
                            break
                        case let .fuBudyko(e0, depth, pawc):
                            let reference = layers[e0][i], soil = layers[depth][i], available = layers[pawc][i]
                            if isNodata(reference, e0) || isNodata(soil, depth) || isNodata(available, pawc) {
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
                    et[column] = fraction * layers[precipitationLayer][start + column]
                }
                // pass 3: every driver of every mapped cell into its slots, one driver at a time over
                // the row (each loop reads fixed layers); `missing` marks cells with a needed layer at nodata
                for column in 0..<width { missing[column] = 0 }
                if hasWater {
                    for column in 0..<width {
                        let c = Int(classOf[column])
                        guard c >= 0 else { continue }
                        let cell = cellValues + column * w
                        if scratch.flags[column] & waterMissing != 0 {
                            cell[DriverPlan.retainedSlot] = 0
                            cell[DriverPlan.yieldSlot] = 0
                            missing[column] = 1
                        } else {
                            let rain = layers[precipitationLayer][start + column]
                            let precipitation = Double(rain)
                            let evapotranspiration = classETOnly ? classET[c] : Double(et[column])
                            let depth = WaterBalance.depth(precipitation: precipitation, runoffCoefficient: alpha[c], evapotranspiration: evapotranspiration)
                            cell[DriverPlan.retainedSlot] = max(0, depth) * conserves[c]
                            // Fu–Budyko: InVEST's wyield = (1 − fractp)·P in Float, the cell value `gep water-yield` sums
                            cell[DriverPlan.yieldSlot] = budyko ? Double((1 - scratch.fractp[column]) * rain) : precipitation - evapotranspiration
                        }
                    }
                }
                for k in 0..<productCount {
                    let slot = productSlots[k]
                    let first = factorStart[k], count = factorStart[k + 1] - first
                    for column in 0..<width where classOf[column] >= 0 {
                        let i = start + column
                        var value = 1.0
                        var valid = true
                        for f in first..<(first + count) {
                            let layer = factorLayers[f]
                            let factor = layers[layer][i]
                            valid = valid && !isNodata(factor, layer)
                            value *= Double(factor)
                        }
                        cellValues[column * w + slot] = valid ? value : 0
                        if !valid { missing[column] = 1 }
                    }
                }
                if let stock {
                    let begin = layers[stock.start] + start, end = layers[stock.end] + start
                    for column in 0..<width where classOf[column] >= 0 {
                        if isNodata(begin[column], stock.start) || isNodata(end[column], stock.end) {
                            cellValues[column * w + stockSlot] = 0
                            missing[column] = 1
                        } else {
                            cellValues[column * w + stockSlot] = Double(end[column]) - Double(begin[column])
                        }
                    }
                }
                for column in 0..<width { nodataCells += Int(missing[column]) }
                if let maps { maps.write(row: start, width: width, classOf: classOf, cellValues: cellValues, slots: w, into: outputs) }
                // zone pass: runs of cells where every zone set's stored value is the same share one
                // lookup; each mapped cell is added once, to its class in the run's zone combination
                comboIDs.removeAll(keepingCapacity: true)
                comboPositions.removeAll(keepingCapacity: true)
                for set in 0..<sets { rowZoneIDs[set].removeAll(keepingCapacity: true) }
                for set in 0..<sets { runEnds[set] = 0 }
                var column = 0
                while column < width {
                    // the run ends where the first zone set changes value
                    var end = width
                    for set in 0..<sets {
                        if runEnds[set] <= column { runEnds[set] = zones[set].runEnd(row: row, from: column) }
                        end = min(end, runEnds[set])
                    }
                    var first = column
                    while first < end && classOf[first] < 0 { first += 1 }
                    guard first < end else { column = end; continue }
                    for set in 0..<sets {
                        let bits = zones[set].bits(row: row, column: column)
                        runIDs[set] = resolvers[set].id(for: bits)
                        if runIDs[set] < 0 {
                            var cells = 0
                            for j in first..<end where classOf[j] >= 0 { cells += 1 }
                            records.invalid[set][bits, default: 0] += cells
                        }
                    }
                    var combo = 0
                    while combo * sets < comboIDs.count && !(0..<sets).allSatisfy({ comboIDs[combo * sets + $0] == runIDs[$0] }) { combo += 1 }
                    if sets > 0 && combo * sets == comboIDs.count {
                        for set in 0..<sets {
                            let id = runIDs[set]
                            var position = -1
                            if id >= 0 {
                                position = rowZoneIDs[set].firstIndex(of: id) ?? -1
                                if position < 0 {
                                    position = rowZoneIDs[set].count
                                    rowZoneIDs[set].append(id)
                                    rowZones[set].reserve(slots: rowZoneIDs[set].count * classCount)
                                }
                            }
                            comboIDs.append(id)
                            comboPositions.append(position)
                        }
                        rowCombo.reserve(slots: (combo + 1) * classCount)
                    }
                    let base = combo * classCount
                    for j in first..<end {
                        let c = Int(classOf[j])
                        guard c >= 0 else { continue }
                        rowCombo.add(cellValues + j * w, to: base + c)
                    }
                    column = end
                }
                // the row's records: each combination's class sums into the class and every zone of it
                rowCombo.flush { slot, values in
                    let combo = slot / classCount, c = slot % classCount
                    rowClass.add(values, to: c)
                    for set in 0..<sets {
                        let position = comboPositions[combo * sets + set]
                        if position >= 0 { rowZones[set].add(values, to: position * classCount + c) }
                    }
                }
                rowClass.flush { code, values in
                    records.classCodes.append(Int32(code))
                    records.classValues.append(contentsOf: UnsafeBufferPointer(start: values, count: w))
                }
                for set in 0..<sets {
                    let ids = rowZoneIDs[set]
                    rowZones[set].flush { slot, values in
                        records.zoneKeys.append(DriverRows.ZoneKey(set: Int32(set), code: Int32(slot % classCount), id: ids[slot / classCount]))
                        records.zoneValues.append(contentsOf: UnsafeBufferPointer(start: values, count: w))
                    }
                }
                // Fu–Budyko: each zone's yield also summed over its own runs of cells, as `gep water-yield` sums it
                guard budyko else { continue }
                for set in 0..<sets {
                    rowYieldIDs[set].removeAll(keepingCapacity: true)
                    rowYields[set].removeAll(keepingCapacity: true)
                    var column = 0
                    while column < width {
                        let bits = zones[set].bits(row: row, column: column)
                        let end = zones[set].runEnd(row: row, from: column)
                        let id = resolvers[set].id(for: bits)
                        if id >= 0 {
                            var runYield = 0.0, mapped = false
                            for j in column..<end where classOf[j] >= 0 {
                                runYield += cellValues[j * w + DriverPlan.yieldSlot]
                                mapped = true
                            }
                            if mapped {
                                if let position = rowYieldIDs[set].firstIndex(of: id) {
                                    rowYields[set][position] += runYield
                                } else {
                                    rowYieldIDs[set].append(id)
                                    rowYields[set].append(runYield)
                                }
                            }
                        }
                        column = end
                    }
                    for (id, value) in zip(rowYieldIDs[set], rowYields[set]) {
                        records.yieldKeys.append(DriverRows.ZoneKey(set: Int32(set), code: -1, id: id))
                        records.yieldValues.append(value)
                    }
                }
            }
        }}}}}}}
        for (code, count) in unmapped { records.unmappedCodes[code, default: 0] += count }
        records.nodataCells += nodataCells

        /// InVEST's nodata rule for layer `layer` (`NodataRule`), from the flattened bounds.
        func isNodata(_ value: Float, _ layer: Int) -> Bool { !(value < low[layer] || value > high[layer]) }
    }
}
