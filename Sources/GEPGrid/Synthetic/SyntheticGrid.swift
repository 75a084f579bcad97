import GEPRaster

/// The layers of a synthetic Lianping-like county grid.
public enum SyntheticLayer: String, CaseIterable, Sendable {
    /// Land cover, InVEST lucodes 1…10 of the reference biophysical and carbon tables.
    case landCover = "lulc"
    /// Annual precipitation, mm.
    case precipitation = "precip"
    /// Annual reference evapotranspiration ET0, mm.
    case referenceET = "eto"
    /// Depth to the root-restricting layer, mm.
    case soilDepth = "depth_to_root_rest_layer"
    /// Plant available water content, fraction.
    case pawc
    /// Elevation, m.
    case elevation = "dem"
    /// RUSLE slope length and steepness factor LS, dimensionless.
    case lsFactor = "ls"
    /// RUSLE rainfall erosivity R, MJ·mm/(ha·h·yr).
    case erosivity
    /// RUSLE soil erodibility K, t·ha·h/(ha·MJ·mm).
    case erodibility
    /// Watershed ids 1…2.
    case watersheds = "ws_id"
    /// Sub-watershed ids 1…8 (1–4 in watershed 1, 5–8 in watershed 2).
    case subwatersheds = "subws_id"
    /// Township ids 1…13 (1 holds the county seat).
    case townships
    /// 1 where the cell drains to the Xinfengjiang reservoir, else 0.
    case drainsToXinfengjiang = "xinfengjiang"
    /// Forest growing-stock density at the start of the accounting year (the end of 2022), m³/ha
    /// (0.1 m³/ha); 0 on non-forest land (lucodes 5–10). See `SyntheticForestStock`.
    case forestStockStart = "forest_stock_2022"
    /// Forest growing-stock density at the end of the accounting year (2023), m³/ha (0.1 m³/ha);
    /// 0 on non-forest land, never below the start density.
    case forestStockEnd = "forest_stock_2023"

    /// `.int32` for land cover and zones, `.float32` for the rest.
    public var dataType: RasterDataType { isInteger ? .int32 : .float32 }

    /// −1 for land cover, 0 for zones (0 means no zone), −9999 for continuous layers. Cells
    /// outside the county boundary hold this value in every layer.
    public var nodata: Double {
        switch self {
        case .landCover: -1
        case .watersheds, .subwatersheds, .townships, .drainsToXinfengjiang: 0
        default: -9999
        }
    }

    private var isInteger: Bool {
        switch self {
        case .landCover, .watersheds, .subwatersheds, .townships, .drainsToXinfengjiang: true
        default: false
        }
    }
}

/// A synthetic county grid held in memory: geometry plus one `[Float]` per layer.
public struct SyntheticGrid: Sendable {
    /// EPSG:32650 (WGS 84 / UTM 50N), 30 m cells, top-left corner at (240000, 2720000).
    public let geometry: GridGeometry
    /// The seed the grid was generated from.
    public let seed: UInt64
    private let layers: [SyntheticLayer: [Float]]

    init(geometry: GridGeometry, seed: UInt64, layers: [SyntheticLayer: [Float]]) {
        precondition(SyntheticLayer.allCases.allSatisfy { layers[$0]?.count == geometry.cellCount })
        self.geometry = geometry
        self.seed = seed
        self.layers = layers
    }

    /// The values of `layer`, row-major, `geometry.cellCount` of them.
    public subscript(_ layer: SyntheticLayer) -> [Float] { layers[layer]! }

    /// `layer` as an in-memory raster band named after it.
    public func band(_ layer: SyntheticLayer, blockHeight: Int = 256) -> InMemoryBand {
        InMemoryBand(name: layer.rawValue, geometry: geometry, dataType: layer.dataType, nodata: layer.nodata,
                     values: self[layer], blockHeight: blockHeight)
    }

    /// The five Annual Water Yield inputs as in-memory bands.
    public var waterYieldLayers: WaterYieldLayers {
        WaterYieldLayers(landCover: band(.landCover), precipitation: band(.precipitation), referenceET: band(.referenceET),
                         rootRestrictingDepth: band(.soilDepth), plantAvailableWater: band(.pawc))
    }

    /// Cells inside the county boundary (land cover not nodata).
    public var countyCells: Int { self[.landCover].reduce(0) { $0 + ($1 >= 1 ? 1 : 0) } }
}
