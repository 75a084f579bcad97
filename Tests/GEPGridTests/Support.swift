import Foundation
import GEPCore
import GEPRaster
@testable import GEPGrid

/// Fixture paths and loaders shared by the grid tests.
enum Fixture {
    /// `Tests/GEPGridTests/Fixtures`.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// An ESRI ASCII fixture layer (`name.asc`) on EPSG:32650.
    static func band(_ name: String) throws -> ESRIASCIIBand {
        try ESRIASCIIBand(path: name + ".asc", relativeTo: directory, epsg: 32650)
    }

    /// The reference run's five water-yield layers.
    static func waterYieldLayers() throws -> WaterYieldLayers {
        WaterYieldLayers(landCover: try band("lulc_cur"), precipitation: try band("precip"), referenceET: try band("eto"),
                         rootRestrictingDepth: try band("depth_to_root_rest_layer"), plantAvailableWater: try band("pawc"))
    }

    /// The reference biophysical table.
    static func biophysicalTable() throws -> BiophysicalTable {
        try BiophysicalTable.load("biophysical_table.csv", relativeTo: directory)
    }

    /// The reference carbon pools table.
    static func carbonPools() throws -> CarbonPoolTable {
        try CarbonPoolTable.load("carbon_pools.csv", relativeTo: directory)
    }

    /// The InVEST figures the reproduction tests assert.
    static func expected() throws -> JSONNode {
        try JSONParser.parse(InputFile.read("invest-expected.json", relativeTo: directory), file: "invest-expected.json")
    }
}

extension JSONNode {
    /// The number at a chain of object keys; fails the test when missing.
    func number(_ keys: String...) -> Double {
        var node: JSONNode? = self
        for key in keys { node = node?[key] }
        guard let value = node?.double else { fatalError("invest-expected.json has no number at \(keys)") }
        return value
    }
}

/// |a − b| / max(|a|, |b|), 0 when both are 0.
func relativeError(_ a: Double, _ b: Double) -> Double {
    let scale = max(abs(a), abs(b))
    return scale == 0 ? 0 : abs(a - b) / scale
}

/// The diagnostics of the `.invalidData` error `body` throws; empty if it does not throw that.
func diagnostics(_ body: () throws -> Void) -> [Diagnostic] {
    do {
        try body()
        return []
    } catch let error as GEPError {
        guard case let .invalidData(diagnostics) = error else { return [] }
        return diagnostics
    } catch {
        return []
    }
}

/// A one-row or small grid geometry in metres.
func testGeometry(width: Int, height: Int, epsg: Int? = 32650) -> GridGeometry {
    GridGeometry(width: width, height: height, originX: 500_000, originY: 2_700_000, cellWidth: 30, cellHeight: 30, epsg: epsg)
}

/// An in-memory float band.
func floatBand(_ name: String, _ values: [Float], width: Int, nodata: Double? = -9999, blockHeight: Int = 256) -> InMemoryBand {
    InMemoryBand(name: name, geometry: testGeometry(width: width, height: values.count / width), dataType: .float32,
                 nodata: nodata, values: values, blockHeight: blockHeight)
}

/// An in-memory integer band.
func intBand(_ name: String, _ values: [Float], width: Int, nodata: Double? = -1, blockHeight: Int = 256) -> InMemoryBand {
    InMemoryBand(name: name, geometry: testGeometry(width: width, height: values.count / width), dataType: .int32,
                 nodata: nodata, values: values, blockHeight: blockHeight)
}

/// Collects per-cell output rows into whole-grid arrays, checking that rows arrive in order.
final class OutputCollector {
    private(set) var outputs: [[Float]]
    private(set) var nextRow = 0
    private(set) var deliveries = 0
    let width: Int

    init(count: Int, geometry: GridGeometry) {
        outputs = Array(repeating: [Float](repeating: .nan, count: geometry.cellCount), count: count)
        width = geometry.width
    }

    /// The handler to pass to a run.
    var handler: GridRowsHandler {
        { rows throws(GEPError) in
            precondition(rows.rows.lowerBound == self.nextRow, "rows out of order: \(rows.rows) after \(self.nextRow)")
            for (index, buffer) in rows.outputs.enumerated() {
                for (offset, value) in buffer.enumerated() { self.outputs[index][rows.rows.lowerBound * self.width + offset] = value }
            }
            self.nextRow = rows.rows.upperBound
            self.deliveries += 1
        }
    }
}

/// A synthetic grid cache: generation takes a moment in debug builds.
enum SyntheticFixture {
    static let small = SyntheticLianping.generate(rows: 150, cols: 131, seed: 20_240_601)
}
