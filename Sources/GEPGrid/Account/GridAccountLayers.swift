import Dispatch
import GEPCore
import GEPRaster

/// The opened, aligned layers of a grid input for the services it requests: the land cover,
/// the inputs of each per-cell part, and the zone rasters. Opening and checking happen once;
/// the layers can then be folded any number of times (`GridAccountSession`,
/// `IncrementalGridAccount`).
final class GridAccountLayers: Sendable {
    /// Layer roles in the kernel's order (`GridAccountKernel.Band`).
    static let order = ["lulc", "precipitation", "evapotranspiration", "reference_evapotranspiration", "soil_depth",
                        "plant_available_water_content", "rainfall_erosivity", "soil_erodibility", "slope_length_factor"]

    /// The method choices read from the input.
    let choices: GridAccountBuilder.Choices
    /// Bands by role (only the roles the requested services read).
    let bands: [String: any RasterBand]
    /// Zone bands, in the input's zone order.
    let zones: [any RasterBand]
    /// The land cover's geometry, shared by every layer.
    let geometry: GridGeometry
    /// Rows per band, from every layer (so folds of single parts cut the grid the same way).
    let bandHeight: Int

    /// Opens the layers the requested services need and checks their alignment.
    ///
    /// - Throws: `GEPError` listing every problem: missing layers for the requested methods,
    ///   misaligned layers (naming each layer and difference).
    convenience init(input: GridInput, open: (String) throws(GEPError) -> any RasterBand) throws(GEPError) {
        let choices = try GridAccountBuilder.Choices.read(input)
        let required = ["lulc"] + choices.parts.layerRoles(waterMethod: choices.water)
        var problems: [Diagnostic] = []
        for role in required where input.layers[role] == nil {
            problems.append(Diagnostic(file: input.file, path: "layers.\(role)", message: "missing layer \"\(role)\", needed by the requested services"))
        }
        guard problems.isEmpty else { throw .invalidData(problems) }

        var bands: [String: any RasterBand] = [:]
        for role in required {
            bands[role] = try GEPError.reading(namedAt: "layers.\(role)", in: input.file) { () throws(GEPError) in try open(input.layers[role]!) }
        }
        var zoneBands: [any RasterBand] = []
        for zone in input.zones {
            zoneBands.append(try GEPError.reading(namedAt: "zones.\(zone.name)", in: input.file) { () throws(GEPError) in try open(zone.path) })
        }
        let lulc = bands["lulc"]!
        let geometry = lulc.geometry
        for (role, band) in bands.sorted(by: { $0.key < $1.key }) where role != "lulc" {
            for difference in geometry.differences(from: band.geometry) {
                problems.append(Diagnostic(file: band.name, message: "layer \"\(role)\" is not aligned with the land-cover layer \(lulc.name): \(difference)"))
            }
        }
        for (zone, band) in zip(input.zones, zoneBands) {
            for difference in geometry.differences(from: band.geometry) {
                problems.append(Diagnostic(file: band.name, message: "zone layer \"\(zone.name)\" is not aligned with the land-cover layer \(lulc.name): \(difference)"))
            }
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
        self.init(choices: choices, bands: bands, zones: zoneBands, geometry: geometry)
    }

    private init(choices: GridAccountBuilder.Choices, bands: [String: any RasterBand], zones: [any RasterBand], geometry: GridGeometry) {
        self.choices = choices
        self.bands = bands
        self.zones = zones
        self.geometry = geometry
        bandHeight = BandStreaming.bandHeight(Array(bands.values) + zones)
    }

    /// Bytes needed to hold every layer in memory as Float.
    var residentBytes: Int { (bands.count + zones.count) * geometry.cellCount * MemoryLayout<Float>.size }

    /// The same layers decoded once into memory (on `threads` threads), so later folds read
    /// cells in place instead of decoding the files again. Keeps the band height.
    func loadedIntoMemory(threads: Int) throws(GEPError) -> GridAccountLayers {
        let roles = bands.keys.sorted()
        let sources: [any RasterBand] = roles.map { bands[$0]! } + zones
        let loaded = ResultSlots<InMemoryBand>(count: sources.count)
        let workers = max(1, min(threads, sources.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: sources.count, by: workers) {
                let band = sources[index]
                loaded.store(index, Result { () throws(GEPError) in
                    InMemoryBand(name: band.name, geometry: band.geometry, dataType: band.dataType, nodata: band.nodata,
                                 values: try band.readAll(), blockHeight: band.blockHeight)
                })
            }
        }
        var memory: [any RasterBand] = []
        for index in sources.indices {
            switch loaded.take(index) {
            case let .success(band): memory.append(band)
            case let .failure(error): throw error
            }
        }
        let layers = GridAccountLayers(choices: choices, bands: Dictionary(uniqueKeysWithValues: zip(roles, memory)),
                                       zones: Array(memory.dropFirst(roles.count)), geometry: geometry)
        precondition(layers.bandHeight == bandHeight, "loading layers into memory keeps their block heights")
        return layers
    }

    /// Folds `parts` of the kernel over the grid with `parameters`, merging band partials in
    /// band order (bit-identical for any thread count). Quantities of parts not folded stay 0.
    ///
    /// - Throws: Read errors, and cells outside their layer role's domain (counted as each
    ///   band is folded; the message re-reads the layer for the first positions).
    func fold(parts: GridAccountParts, parameters: GridParameters, threads: Int) throws(GEPError) -> GridAccumulator {
        let kernel = GridAccountKernel(parameters: parameters, waterMethod: parts.contains(.water) ? choices.water : nil,
                                       soil: parts.contains(.soil) && choices.soil, carbon: parts.contains(.carbon),
                                       cellArea: Float(geometry.cellArea))
        let read = Set(["lulc"] + parts.layerRoles(waterMethod: choices.water))
        let layers = Self.order.map { read.contains($0) ? bands[$0] : nil }
        let zoneLayers = zones
        let width = geometry.width, roles = Self.order.count
        let outside = OutsideDomainTally(Self.order.indices.map { (Self.order[$0], layers[$0]) })
        let sums = try BandStreaming.fold(layers: layers + zones.map { Optional($0) }, geometry: geometry, height: bandHeight, threads: threads,
                                      initial: { GridAccumulator(classCount: parameters.classCount, zoneSets: zoneLayers.count) },
                                      merge: { $0.merge($1) }) { rows, buffers, accumulator in
            func layer(_ index: Int) -> GridAccountKernel.Layer? {
                guard let pointer = buffers[index] else { return nil }
                return GridAccountKernel.Layer(values: pointer, nodata: layers[index]?.nodata.map(Float.init))
            }
            let band = GridAccountKernel.Band(count: rows * width, width: width, lulc: layer(0)!, precipitation: layer(1), evapotranspiration: layer(2),
                                              referenceET: layer(3), soilDepth: layer(4), pawc: layer(5), erosivity: layer(6),
                                              erodibility: layer(7), slopeLength: layer(8),
                                              zones: zoneLayers.indices.map { z in
                                                  GridAccountKernel.Layer(values: buffers[roles + z]!, nodata: zoneLayers[z].nodata.map(Float.init))
                                              })
            outside.count(cells: rows * width) { buffers[$0]! }
            kernel.accumulate(band, into: &accumulator)
        }
        try outside.throwIfOutside()
        return sums
    }
}
