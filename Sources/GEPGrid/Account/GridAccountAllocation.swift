import GEPCore
import GEPServices

/// Driver sums by ecosystem type in one flat table (`EcosystemType.allCases` ×
/// `CellDriver.allCases`), for the many parts a grid account is allocated to (every zone and
/// class): the same sums as `[EcosystemType: [CellDriver: Double]]`, without building a
/// dictionary per part.
struct DriverTable {
    private static let driverCount = CellDriver.allCases.count
    /// Each type's and driver's position in the table.
    static let typeIndex = Dictionary(uniqueKeysWithValues: EcosystemType.allCases.enumerated().map { ($1, $0) })
    static let driverIndex = Dictionary(uniqueKeysWithValues: CellDriver.allCases.enumerated().map { ($1, $0) })

    private var values = [Double](repeating: 0, count: EcosystemType.allCases.count * driverCount)
    private var present = [Bool](repeating: false, count: EcosystemType.allCases.count * driverCount)

    /// The sum of `driver` (its `driverIndex`) over the cells of `type` (its `typeIndex`); 0 when
    /// the part has none.
    subscript(type: Int, driver: Int) -> Double { values[type * Self.driverCount + driver] }

    /// Adds `value` to an entry: the first value added is stored as it is, later ones summed,
    /// as `Dictionary.merge(_:uniquingKeysWith: +)` does.
    mutating func add(_ value: Double, type: Int, driver: Int) {
        let k = type * Self.driverCount + driver
        values[k] = present[k] ? values[k] + value : value
        present[k] = true
    }

    /// Σ of one driver over the types in catalogue order (a fixed order of additions).
    func total(_ driver: Int) -> Double {
        (0..<EcosystemType.allCases.count).reduce(0) { $0 + self[$1, driver] }
    }

    /// The same sums as a dictionary (only the entries added).
    var dictionary: [EcosystemType: [CellDriver: Double]] {
        var result: [EcosystemType: [CellDriver: Double]] = [:]
        for (t, type) in EcosystemType.allCases.enumerated() {
            for (d, driver) in CellDriver.allCases.enumerated() where present[t * Self.driverCount + d] {
                result[type, default: [:]][driver] = values[t * Self.driverCount + d]
            }
        }
        return result
    }
}

/// The lines of a grid's account prepared once for allocating them to its parts (zones and
/// classes): a line of type t proportional to driver d gives a part the share
/// d(part, t) / d(grid, t) of its value, a line without a type the part's share of the grid's
/// area; a service's quantity of type t is allocated with the share of its first line of t.
struct LineAllocation {
    private struct Line {
        /// `DriverTable` positions of the line's type and driver; nil type: county-wide.
        var type: Int?
        var driver: Int
        var value: Double
        /// d(grid, t), or the grid's area for a county-wide line.
        var denominator: Double
    }

    private struct Service {
        var lines: [Line]
        /// Each quantity by type and the line whose share allocates it (nil: none, share 0).
        var quantities: [(quantity: Double, line: Int?)]
    }

    private let services: [Service]
    private static let area = DriverTable.driverIndex[.area]!, waterYield = DriverTable.driverIndex[.waterYield]!

    /// Prepares the lines of `account`'s services `services` (in that order), whose grid-wide
    /// driver sums are `whole`.
    init(account: Account, services ids: [ServiceID], whole: DriverTable) {
        let wholeArea = whole.total(Self.area)
        services = ids.map { id in
            let service = account.services.first { $0.id == id }!
            let lines = zip(service.lines, service.lineValues).map { line, value in
                guard let ecosystem = line.ecosystem else { return Line(type: nil, driver: Self.area, value: value, denominator: wholeArea) }
                let type = DriverTable.typeIndex[ecosystem]!, driver = DriverTable.driverIndex[line.driver ?? .area]!
                return Line(type: type, driver: driver, value: value, denominator: whole[type, driver])
            }
            let quantities = service.physicalByEcosystem.map { entry in
                (quantity: entry.quantity, line: service.lines.firstIndex { $0.ecosystem == entry.ecosystem })
            }
            return Service(lines: lines, quantities: quantities)
        }
    }

    /// One breakdown row: every service's lines and quantities allocated to the part whose
    /// driver sums are `part`.
    func row(id: Int, ecosystem: EcosystemType?, cells: Double, part: DriverTable) -> GridAccount.Row {
        let partArea = part.total(Self.area)
        var physical: [Double] = [], values: [Double] = []
        physical.reserveCapacity(services.count)
        values.reserveCapacity(services.count)
        var shares: [Double] = []
        for service in services {
            shares.removeAll(keepingCapacity: true)
            var value = 0.0
            for line in service.lines {
                var amount = partArea
                if let type = line.type { amount = part[type, line.driver] }
                let share = line.denominator != 0 ? amount / line.denominator : 0
                shares.append(share)
                value += line.value * share
            }
            values.append(value)
            var quantity = 0.0
            for entry in service.quantities {
                var share = 0.0
                if let line = entry.line { share = shares[line] }
                quantity += entry.quantity * share
            }
            physical.append(quantity)
        }
        return GridAccount.Row(id: id, ecosystem: ecosystem, cells: cells, waterYield: part.total(Self.waterYield), physical: physical, values: values)
    }
}
