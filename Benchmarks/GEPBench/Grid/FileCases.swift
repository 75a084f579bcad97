import Dispatch
import Foundation
import GEPCore
import GEPGrid
import GEPRaster

/// Cases over files written with the project's writer at 1600 × 1600 (the size of the
/// issue's quoted InVEST and numpy figures): whole-file decoding, and opening the LZW files
/// plus running Annual Water Yield with sub-watershed zones, and the grid account on the same
/// kind of files.
enum FileCases {
    static let size = GridSize(columns: 1600, rows: 1600)
    /// InVEST 3.20 Annual Water Yield on the 1600² grid, seconds, as quoted in the issue (not measured here).
    static let quotedInVEST = 4.4
    /// A vectorised numpy script reading with GDAL, end to end, seconds, as quoted in the issue.
    static let quotedNumpy = 0.23
    /// Files each end-to-end case opens: the water yield's 5 layers and zones; the grid
    /// account's layers read by the sample input's methods and its 3 zone sets.
    static let waterYieldFiles = 6, gridAccountFiles = 10

    static func group(options: BenchOptions, notes: RunNotes, repository: String, account: GridAccountSetup) throws -> BenchmarkGroup {
        let fixture = GeoTIFFFixture(size: size)
        let model = try LianpingTables.waterYieldModel()
        let prepare = { try fixture.prepare() }
        var cases: [BenchmarkCase] = []
        let threadCounts = options.threads == 1 ? [1] : [1, options.threads]
        for (family, file, note) in [("decode.lzw", "precip.tif", "Float32, 256² tiles, LZW, predictor 1"),
                                     ("decode.deflate", "precip_deflate.tif", "Float32, 256² tiles, DEFLATE 6, predictor 3")] {
            for threads in threadCounts {
                cases.append(.grid(family, size: size, threads: threads, note: note, setUp: prepare) {
                    try decode(fixture.path(file), threads: threads)
                })
            }
        }
        var endToEnd = BenchmarkCase.grid("end_to_end.water_yield_lzw_1600", size: size, threads: options.threads,
                                          note: "open 5 LZW GeoTIFFs + zones, WaterYieldModel.run", setUp: prepare) {
            let bands = try GeoTIFFFixture.waterYieldLayers.map { try GeoTIFFBand(path: fixture.path($0)) }
            let layers = WaterYieldLayers(landCover: bands[0], precipitation: bands[1], referenceET: bands[2],
                                          rootRestrictingDepth: bands[3], plantAvailableWater: bands[4])
            let zones = try GeoTIFFBand(path: fixture.path(GeoTIFFFixture.zoneLayer))
            let result = try model.run(layers, zones: zones, engine: GridEngine(threadCount: options.threads))
            fixture.endToEnd = result
            return result.grid.wyield
        }
        endToEnd.name = endToEnd.family
        cases.append(endToEnd)
        var gridAccount = BenchmarkCase.grid("end_to_end.grid_account_lzw_1600", size: size, threads: options.threads,
                                             note: "open \(gridAccountFiles) LZW GeoTIFFs (lulc, precip, R, K, LS, 2 stock years, 3 zone sets), GridAccountRunner.run",
                                             setUp: prepare) {
            let grid = try GridAccountRunner.run(input: account.input, classes: account.classes, coefficients: account.coefficients,
                                                 threads: options.threads) { path throws(GEPError) in
                let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                guard let layer = SyntheticLayer(rawValue: stem) else { throw .invalidData([Diagnostic(file: path, message: "not a synthetic layer")]) }
                return try GeoTIFFBand(path: fixture.path(layer))
            }
            return grid.account.total
        }
        gridAccount.name = gridAccount.family
        cases.append(gridAccount)
        return BenchmarkGroup(title: "files \(size)", cases: cases) { results in
            defer { fixture.release() }
            guard options.numpy else { return }
            guard let ours = results.first(where: { $0.name == endToEnd.name }), let result = fixture.endToEnd else {
                notes.remarks.append("--numpy: skipped, because end_to_end.water_yield_lzw_1600 did not run (see --filter)")
                return
            }
            notes.numpy = NumpyBaseline.run(script: repository + "/Benchmarks/reference/water_yield_numpy.py", fixture: fixture,
                                            repeats: options.quick ? 1 : 7, ours: result, oursSeconds: ours.percentile(50))
        }
    }

    /// Reads the whole band, on `threads` threads by block rows; returns a checksum.
    static func decode(_ path: String, threads: Int) throws -> Double {
        let band = try GeoTIFFBand(path: path)
        let width = band.geometry.width, height = band.geometry.height
        let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: width * height)
        defer { buffer.deallocate() }
        if threads == 1 {
            try band.read(rows: 0..<height, into: buffer)
        } else {
            let blockRows = (height + band.blockHeight - 1) / band.blockHeight
            let work = SharedWork(count: blockRows)
            nonisolated(unsafe) let target = buffer
            DispatchQueue.concurrentPerform(iterations: min(threads, blockRows)) { _ in
                while let blockRow = work.claim() {
                    let rows = (blockRow * band.blockHeight)..<min(height, (blockRow + 1) * band.blockHeight)
                    do {
                        try band.read(rows: rows, into: UnsafeMutableBufferPointer(rebasing: target[(rows.lowerBound * width)..<(rows.upperBound * width)]))
                    } catch {
                        work.record(error)
                    }
                }
            }
            if let error = work.error { throw error }
        }
        return Double(buffer[buffer.count / 2])
    }
}

/// Work items claimed in order by concurrent workers, and the first error among them.
final class SharedWork: @unchecked Sendable {
    private let lock = NSLock()

    /// Runs `body` holding the lock (NSLocking.withLock is not available on every supported macOS).
    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
    private let count: Int
    private var next = 0
    private var first: Error?

    init(count: Int) { self.count = count }

    /// The next unclaimed item, or `nil` when all are taken.
    func claim() -> Int? {
        locked {
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    func record(_ error: Error) { locked { if first == nil { first = error } } }
    var error: Error? { locked { first } }
}
