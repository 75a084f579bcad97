import GEPCore
import GEPServices

/// One per-cell map of a grid account, written as a Float32 GeoTIFF.
public struct GridMap: Sendable, Equatable {
    /// The file name without `.tif`: `<service>_value`, `<service>_quantity` or `gep_total`.
    public var name: String
    /// The service mapped; nil for the total.
    public var service: ServiceID?
    /// The unit of a cell's value: `CNY/ha`, or the service's headline unit per hectare.
    public var unit: String
    /// What a cell holds, in words.
    public var description: String
}

extension GridAccountAssembly {
    /// The value written where a map's cell has no mapped land-cover class: −3.4028235e38,
    /// GDAL's customary Float32 nodata (maps can be negative, so −1 or 0 will not do).
    static let mapNodata = -Float.greatestFiniteMagnitude

    /// The per-cell maps of `account` (the whole grid's, with driver sums `whole` by type):
    /// for each service in `services`, its value (CNY/ha) and, where its quantities add up,
    /// its headline quantity per hectare; then the total GEP (CNY/ha).
    ///
    /// A cell of class c, type t, gets from a line of type t with driver d the line's value ×
    /// d(cell) / d(grid, t), and from a line without a type the value × a(cell) / a(grid),
    /// divided by the cell's area in ha: the allocation the zone and class tables use, so the
    /// cells of any zone or class add up to its row, and all cells × cell area to the account.
    func maps(account: Account, services: [ServiceID], whole: [EcosystemType: [CellDriver: Double]]) -> (maps: [GridMap], weights: CellMaps) {
        let w = plan.width, classCount = plan.classCount
        let hectares = layers.geometry.cellArea * 1e-4
        let wholeArea = Self.total(.area, whole)
        var maps: [GridMap] = []
        var columns: [[Double]] = []   // per map: classCount × w weights
        var total = [Double](repeating: 0, count: classCount * w)
        func add(_ amount: Double, over denominator: Double, driver: CellDriver, code: Int, to weights: inout [Double]) {
            guard denominator != 0, let (slot, scale, size) = slot(of: driver) else { return }
            weights[code * w + slot] += amount / denominator * scale * size / hectares
        }
        for id in services {
            guard let service = account.services.first(where: { $0.id == id }) else { continue }
            var value = [Double](repeating: 0, count: classCount * w)
            var quantity = [Double](repeating: 0, count: classCount * w)
            for (code, type) in classes.types where code < classCount {
                for (line, lineValue) in zip(service.lines, service.lineValues) {
                    if let ecosystem = line.ecosystem {
                        guard ecosystem == type else { continue }
                        let driver = line.driver ?? .area
                        add(lineValue, over: whole[type]?[driver] ?? 0, driver: driver, code: code, to: &value)
                    } else {
                        add(lineValue, over: wholeArea, driver: .area, code: code, to: &value)
                    }
                }
                for (ecosystem, amount) in service.physicalByEcosystem {
                    if let ecosystem {
                        guard ecosystem == type else { continue }
                        let driver = service.lines.first { $0.ecosystem == type }?.driver ?? .area
                        add(amount, over: whole[type]?[driver] ?? 0, driver: driver, code: code, to: &quantity)
                    } else {
                        add(amount, over: wholeArea, driver: .area, code: code, to: &quantity)
                    }
                }
            }
            maps.append(GridMap(name: "\(id.id)_value", service: id, unit: "CNY/ha", description: "value of \(id.id)"))
            columns.append(value)
            for k in total.indices { total[k] += value[k] }
            if service.physicalTotal != nil {
                maps.append(GridMap(name: "\(id.id)_quantity", service: id, unit: "\(service.physicalUnit.symbol)/ha",
                                    description: "headline physical quantity of \(id.id)"))
                columns.append(quantity)
            }
        }
        maps.append(GridMap(name: "gep_total", service: nil, unit: "CNY/ha", description: "GEP: the sum of every service's value"))
        columns.append(total)
        var weights = [Double](repeating: 0, count: classCount * columns.count * w)
        for code in 0..<classCount {
            for (m, column) in columns.enumerated() {
                for s in 0..<w { weights[(code * columns.count + m) * w + s] = column[code * w + s] }
            }
        }
        return (maps, CellMaps(count: columns.count, slots: w, weights: weights, nodata: Self.mapNodata))
    }
}
