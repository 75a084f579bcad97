/// One zone of a polygon file: its id (a whole number, exact up to 2^53, such as the 12-digit
/// administrative code 441623100000), its name when the file gives one, and every ring of
/// every part of its (multi)polygon in map coordinates.
///
/// The rings are filled together by the even–odd rule, as `gdal_rasterize` fills them: a hole
/// is a ring inside an outer ring, and the parts of a multipolygon are more outer rings.
public struct ZonePolygon: Sendable, Equatable {
    /// A vertex in the layer's CRS (easting, northing or longitude, latitude).
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double

        /// Creates a vertex.
        public init(x: Double, y: Double) { (self.x, self.y) = (x, y) }
    }

    /// The zone id burnt into its cells.
    public var id: Double
    /// The zone's name (such as 元善镇), when the file names it.
    public var name: String?
    /// Every ring (closed or not; the last vertex may repeat the first).
    public var rings: [[Point]]

    /// Creates a zone polygon.
    public init(id: Double, name: String?, rings: [[Point]]) {
        self.id = id
        self.name = name
        self.rings = rings
    }

    /// The message for a polygon file in another CRS than the grid's, with the `ogr2ogr`
    /// command that reprojects it (to `zones_<grid EPSG>.<extension>`).
    static func crsMismatch(file: String, epsg: Int, gridEPSG: Int, extension ext: String) -> String {
        "the zones are in EPSG:\(epsg) but the grid is in EPSG:\(gridEPSG); \(reprojection(file: file, gridEPSG: gridEPSG, extension: ext))"
    }

    /// "reproject first: ogr2ogr -t_srs EPSG:<grid> zones_<grid>.<extension> <file>".
    static func reprojection(file: String, gridEPSG: Int, extension ext: String) -> String {
        "reproject first: ogr2ogr -t_srs EPSG:\(gridEPSG) zones_\(gridEPSG).\(ext) \(file)"
    }
}
