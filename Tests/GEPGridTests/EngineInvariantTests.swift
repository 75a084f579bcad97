import Foundation
import Testing
import GEPCore
import GEPRaster
@testable import GEPGrid

/// A band that records how it is read and can fail on chosen rows.
final class ProbeBand: RasterBand, @unchecked Sendable {
    let inner: InMemoryBand
    let failingRow: Int?
    private let lock = NSLock()
    private var active = 0
    private(set) var largestRead = 0
    private(set) var mostConcurrent = 0

    init(_ inner: InMemoryBand, failingRow: Int? = nil) {
        self.inner = inner
        self.failingRow = failingRow
    }

    var name: String { inner.name }
    var geometry: GridGeometry { inner.geometry }
    var dataType: RasterDataType { inner.dataType }
    var nodata: Double? { inner.nodata }
    var blockHeight: Int { inner.blockHeight }

    func read(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Float>) throws(GEPError) {
        try probe(rows) { () throws(GEPError) in try inner.read(rows: rows, into: buffer) }
    }

    func readDoubles(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) throws(GEPError) {
        try probe(rows) { () throws(GEPError) in try inner.readDoubles(rows: rows, into: buffer) }
    }

    /// Records a read of `rows`, fails it when it covers `failingRow`, else runs `body`.
    private func probe(_ rows: Range<Int>, _ body: () throws(GEPError) -> Void) throws(GEPError) {
        lock.withLock {
            active += 1
            mostConcurrent = max(mostConcurrent, active)
            largestRead = max(largestRead, rows.count)
        }
        defer { lock.withLock { active -= 1 } }
        usleep(200)
        if let failingRow, rows.contains(failingRow) {
            throw .io(path: name, reason: "bad block at row \(failingRow)")
        }
        try body()
    }
}

/// Engine invariants: band height and thread count do not change results, zones add up to
/// the grid, outputs arrive in row order, memory is bounded by the band size.
@Suite struct EngineInvariantTests {
    static let grid = SyntheticFixture.small
    static let model = try! WaterYieldModel(table: Fixture.biophysicalTable(), seasonalityConstant: 10)

    @Test func bandHeightsGiveBitIdenticalResults() throws {
        let layers = Self.grid.waterYieldLayers, zones = Self.grid.band(.townships)
        let whole = try Self.model.run(layers, zones: zones, engine: GridEngine(threadCount: 1, bandHeight: 1000))
        for bandHeight in [1, 7, 64, 256] {
            let banded = try Self.model.run(layers, zones: zones, engine: GridEngine(threadCount: 2, bandHeight: bandHeight))
            #expect(banded == whole, "band height \(bandHeight)")
        }
        #expect(whole.grid.validCells > 0 && whole.zones.count == SyntheticLianping.townshipCount)
    }

    @Test func threadCountsGiveBitIdenticalResultsAndOutputs() throws {
        let layers = Self.grid.waterYieldLayers, zones = Self.grid.band(.subwatersheds)
        var results: [WaterYieldResult] = []
        var outputs: [[[Float]]] = []
        for threads in [1, 2, 8] {
            let collector = OutputCollector(count: 3, geometry: Self.grid.geometry)
            results.append(try Self.model.run(layers, zones: zones, engine: GridEngine(threadCount: threads, bandHeight: 7),
                                              output: collector.handler))
            #expect(collector.nextRow == Self.grid.geometry.height)
            #expect(collector.deliveries == (Self.grid.geometry.height + 6) / 7)
            outputs.append(collector.outputs)
        }
        #expect(results[1] == results[0] && results[2] == results[0])
        let bits = outputs.map { $0.map { $0.map(\.bitPattern) } }
        #expect(bits[1] == bits[0] && bits[2] == bits[0])
    }

    @Test func inPlaceAndStreamedLayersGiveIdenticalResults() throws {
        let layers = Self.grid.waterYieldLayers
        var streamed = layers
        streamed.landCover = ProbeBand(layers.landCover as! InMemoryBand)
        streamed.precipitation = ProbeBand(layers.precipitation as! InMemoryBand)
        let zones = ProbeBand(Self.grid.band(.townships))
        let engine = GridEngine(threadCount: 2, bandHeight: 32)
        #expect(try Self.model.run(streamed, zones: zones, engine: engine) == Self.model.run(layers, zones: Self.grid.band(.townships), engine: engine))
        #expect(zones.largestRead == 32)
    }

    @Test func zoneTotalsSumToTheGridTotal() throws {
        let layers = Self.grid.waterYieldLayers
        let plain = try Self.model.run(layers)
        for zoneLayer in [SyntheticLayer.watersheds, .subwatersheds, .townships, .drainsToXinfengjiang, .landCover] {
            let result = try Self.model.run(layers, zones: Self.grid.band(zoneLayer))
            var total = result.unzoned
            for id in result.zoneIDs { total.add(result.zones[id]!) }
            #expect(total.cells == result.grid.cells && total.validCells == result.grid.validCells)
            #expect(total.precipitationCells == result.grid.precipitationCells && total.petCells == result.grid.petCells)
            for (a, b) in [(total.wyield, plain.grid.wyield), (total.aet, plain.grid.aet), (total.pet, plain.grid.pet),
                           (total.precipitation, plain.grid.precipitation), (result.grid.wyield, plain.grid.wyield)] {
                #expect(relativeError(a, b) < 1e-12, "\(zoneLayer)")
            }
        }
    }

    @Test(arguments: [(1, 1), (7, 9), (65, 63)])
    func smallGridsMatchTheScalarReference(rows: Int, columns: Int) throws {
        let grid = SyntheticLianping.generate(rows: rows, cols: columns, seed: 99)
        let layers = grid.waterYieldLayers, zones = grid.band(.subwatersheds)
        let collector = OutputCollector(count: 3, geometry: grid.geometry)
        let result = try Self.model.run(layers, zones: zones, engine: GridEngine(threadCount: 3, bandHeight: 8), output: collector.handler)
        let reference = try WaterYieldReference.run(Self.model, layers: layers, zones: zones)
        #expect(result.zoneIDs == reference.result.zoneIDs)
        for (ours, theirs) in [(result.grid, reference.result.grid)] + result.zoneIDs.map({ (result.zones[$0]!, reference.result.zones[$0]!) }) {
            #expect(ours.cells == theirs.cells && ours.validCells == theirs.validCells && ours.petCells == theirs.petCells)
            #expect(ours.precipitationCells == theirs.precipitationCells)
            for (a, b) in [(ours.wyield, theirs.wyield), (ours.aet, theirs.aet), (ours.pet, theirs.pet),
                           (ours.precipitation, theirs.precipitation), (ours.fractp, theirs.fractp)] {
                #expect(relativeError(a, b) < 1e-6)
            }
        }
        for index in 0..<grid.geometry.cellCount {
            #expect(abs(Double(collector.outputs[0][index]) - reference.wyield[index]) < 1e-3)
            #expect(abs(Double(collector.outputs[2][index]) - reference.fractp[index]) < 1e-6)
        }
    }

    @Test func misalignedLayersAreListedBeforeAnyWork() throws {
        let base = testGeometry(width: 4, height: 3)
        func band(_ name: String, _ geometry: GridGeometry) -> ProbeBand {
            ProbeBand(InMemoryBand(name: name, geometry: geometry, dataType: .float32, nodata: -9999,
                                   values: Array(repeating: 1, count: geometry.cellCount)))
        }
        var shifted = base
        shifted.originX += 15
        var coarse = base
        coarse.cellWidth = 60
        coarse.cellHeight = 60
        var otherCRS = base
        otherCRS.epsg = 4326
        otherCRS.width = 5
        let layers = WaterYieldLayers(landCover: band("lulc", base), precipitation: band("p", shifted), referenceET: band("e", coarse),
                                      rootRestrictingDepth: band("d", otherCRS), plantAvailableWater: band("w", base))
        let found = diagnostics { _ = try Self.model.run(layers, zones: band("z", shifted)) }
        #expect(found.map(\.description) == [
            "p: not aligned with 'lulc': origin (500015.0, 2700000.0), expected (500000.0, 2700000.0)",
            "e: not aligned with 'lulc': cell size 60.0×60.0, expected 30.0×30.0",
            "d: not aligned with 'lulc': size 5×3 cells, expected 4×3",
            "d: not aligned with 'lulc': CRS EPSG:4326, expected EPSG:32650",
            "z: not aligned with 'lulc': origin (500015.0, 2700000.0), expected (500000.0, 2700000.0)",
        ])
        #expect((layers.precipitation as! ProbeBand).largestRead == 0)
    }

    @Test func theEarliestReadErrorIsRethrownAndMemoryStaysWithinABand() throws {
        let layers = Self.grid.waterYieldLayers
        let failing = ProbeBand(layers.precipitation as! InMemoryBand, failingRow: 100)
        var broken = layers
        broken.precipitation = failing
        do {
            _ = try Self.model.run(broken, engine: GridEngine(threadCount: 4, bandHeight: 10))
            Issue.record("expected a read error")
        } catch {
            #expect(error.description == "I/O error on 'precip': bad block at row 100")
        }
        let probe = ProbeBand(layers.referenceET as! InMemoryBand)
        var probed = layers
        probed.referenceET = probe
        _ = try Self.model.run(probed, engine: GridEngine(threadCount: 3, bandHeight: 16))
        #expect(probe.largestRead <= 16)
        #expect(probe.mostConcurrent <= 3)
    }

    @Test func anOutputErrorStopsTheRun() throws {
        var delivered = 0
        do {
            _ = try Self.model.run(Self.grid.waterYieldLayers, engine: GridEngine(threadCount: 2, bandHeight: 10)) { _ throws(GEPError) in
                delivered += 1
                if delivered == 3 { throw GEPError.io(path: "out.tif", reason: "disk full") }
            }
            Issue.record("expected an output error")
        } catch {
            #expect(error.exitCode == 74)
        }
        #expect(delivered == 3)
    }

    @Test func invalidZoneIDsAreListed() throws {
        let grid = Self.grid
        var zoneValues = grid[.townships]
        zoneValues[0] = 2.5
        zoneValues[1] = -3
        zoneValues[2] = -3
        let zones = InMemoryBand(name: "towns", geometry: grid.geometry, dataType: .float32, nodata: 0, values: zoneValues)
        let found = diagnostics { _ = try Self.model.run(grid.waterYieldLayers, zones: zones) }
        #expect(diagnostics { _ = try WaterYieldReference.run(Self.model, layers: grid.waterYieldLayers, zones: zones) } == found)
        #expect(found.map(\.description) == [
            "towns: zone id -3 in 2 cells is not a whole number from 1 to 2^53 (use 0 or nodata for no zone)",
            "towns: zone id 2.5 in 1 cell is not a whole number from 1 to 2^53 (use 0 or nodata for no zone)",
        ])
    }

    @Test func bandHeightFollowsBlockHeights() {
        func band(_ blockHeight: Int, height: Int = 5000) -> InMemoryBand {
            InMemoryBand(name: "b", geometry: testGeometry(width: 1, height: height), dataType: .float32, nodata: nil,
                         values: Array(repeating: 0, count: height), blockHeight: blockHeight)
        }
        let engine = GridEngine(threadCount: 1)
        #expect(engine.bandHeight(for: [band(256), band(1)]) == 256)
        #expect(engine.bandHeight(for: [band(16), band(32)]) == 256)
        #expect(engine.bandHeight(for: [band(100)]) == 200)
        #expect(engine.bandHeight(for: [band(512), band(256)]) == 512)
        #expect(engine.bandHeight(for: [band(200), band(256)]) == 256)
        #expect(engine.bandHeight(for: [band(256, height: 40)]) == 40)
        #expect(GridEngine(threadCount: 1, bandHeight: 7).bandHeight(for: [band(256)]) == 7)
        #expect(GridEngine(threadCount: 0).threadCount == 1)
    }
}
