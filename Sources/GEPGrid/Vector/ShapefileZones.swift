#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GEPCore
import GEPRaster

/// Zone polygons from an ESRI Shapefile (the ESRI Shapefile Technical Description, 1998):
/// the `.shp` geometries (Polygon, PolygonZ, PolygonM; every part a ring, filled even–odd),
/// the `.dbf` attributes of the same records (ids from the field `idField`, numeric or
/// character; names from `nameField`), text decoded by the `.cpg` code page (UTF-8, or GBK /
/// CP936 / GB2312 / GB18030, decoded as GB18030 with the system's iconv; without a `.cpg`, the
/// dBASE language driver byte 0x4D or 0x7A means GBK, anything else Latin-1, as GDAL reads
/// it), and the CRS from the `.prj` (`ProjectionFile`), which must be the grid's.
/// Records with a null shape or marked deleted are skipped.
public enum ShapefileZones {
    /// Reads the zones of `path` (the `.shp`; its `.dbf`, `.cpg` and `.prj` beside it).
    ///
    /// - Throws: `.missingInput` when the `.shp` or `.dbf` is missing; `.invalidData` naming
    ///   the file and record: a file that is not a Shapefile or dBASE table, a record past the
    ///   end, a shape type other than polygon, a missing field, an id that is not a whole number
    ///   from 1 to 2^53, text the code page cannot decode, a CRS other than the grid's.
    public static func read(_ path: String, idField: String, nameField: String?, gridEPSG: Int?) throws(GEPError) -> [ZonePolygon] {
        let shp = try InputFile.read(path, relativeTo: "/", limit: .max)
        let dbfPath = InputFile.sibling(of: path, extension: "dbf", relativeTo: "/") ?? (path as NSString).deletingPathExtension + ".dbf"
        let dbf = try InputFile.read(dbfPath, relativeTo: "/", limit: .max)
        if let epsg = try ProjectionFile.epsg(besides: path, relativeTo: "/"), let gridEPSG, epsg != gridEPSG {
            throw .invalidData([Diagnostic(file: InputFile.sibling(of: path, extension: "prj", relativeTo: "/") ?? path,
                                           message: ZonePolygon.crsMismatch(file: path, epsg: epsg, gridEPSG: gridEPSG, extension: "shp"))])
        }
        var codePage: String?
        if let cpg = InputFile.sibling(of: path, extension: "cpg", relativeTo: "/") {
            codePage = String(decoding: try InputFile.read(cpg, relativeTo: "/"), as: UTF8.self)
        }
        let shapes = try polygons(shp, file: path)
        let table = try DBFTable(dbf, file: dbfPath, codePage: codePage)
        guard let idColumn = table.fields.firstIndex(where: { $0.name.matchesIgnoringCase(idField) }) else {
            throw .invalidData([Diagnostic(file: dbfPath, message: "no field \"\(idField)\" (fields: \(table.fields.map(\.name).joined(separator: ", ")))")])
        }
        var nameColumn: Int?
        if let nameField {
            nameColumn = table.fields.firstIndex { $0.name.matchesIgnoringCase(nameField) }
            if nameColumn == nil { throw .invalidData([Diagnostic(file: dbfPath, message: "no field \"\(nameField)\" (fields: \(table.fields.map(\.name).joined(separator: ", ")))")]) }
        }
        var zones: [ZonePolygon] = [], problems: [Diagnostic] = []
        for (record, rings) in shapes.enumerated() {
            guard let rings, record < table.rows.count, let row = table.rows[record] else { continue }
            let text = row[idColumn].trimmingCharacters(in: .whitespaces)
            guard let whole = Int64(text), whole >= 1, whole <= 1 << 53 else {
                problems.append(Diagnostic(file: dbfPath, message: "record \(record + 1): zone id \"\(text)\" in field \"\(idField)\" is not a whole number from 1 to 2^53"))
                continue
            }
            var name: String?
            if let nameColumn { name = row[nameColumn].trimmingCharacters(in: .whitespaces) }
            zones.append(ZonePolygon(id: Double(whole), name: name, rings: rings))
        }
        if shapes.count != table.rows.count {
            problems.append(Diagnostic(file: dbfPath, message: "\(table.rows.count) records, but the .shp has \(shapes.count) shapes"))
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
        return zones
    }

    /// Every record's rings (nil for a null shape), in file order.
    static func polygons(_ bytes: [UInt8], file: String) throws(GEPError) -> [[[ZonePolygon.Point]]?] {
        func fail(_ message: String) -> GEPError { .invalidData([Diagnostic(file: file, message: message)]) }
        guard bytes.count >= 100, bigInt(bytes, 0) == 9994 else { throw fail("not an ESRI Shapefile (file code 9994 missing)") }
        let type = littleInt(bytes, 32)
        guard [0, 5, 15, 25].contains(type) else { throw fail("shape type \(type) is not a polygon type (5, 15 or 25); zones must be polygons") }
        var shapes: [[[ZonePolygon.Point]]?] = []
        var offset = 100
        let end = min(bytes.count, 2 * max(0, bigInt(bytes, 24)))
        while offset + 8 <= end {
            let record = shapes.count + 1, length = 2 * bigInt(bytes, offset + 4)
            let content = offset + 8
            guard length >= 4, content + length <= bytes.count else { throw fail("record \(record) goes past the end of the file") }
            let shapeType = littleInt(bytes, content)
            if shapeType == 0 {
                shapes.append(nil)
            } else {
                guard [5, 15, 25].contains(shapeType), length >= 44 else { throw fail("record \(record): shape type \(shapeType) is not a polygon") }
                let parts = littleInt(bytes, content + 36), points = littleInt(bytes, content + 40)
                let partStart = content + 44, pointStart = partStart + 4 * parts
                guard parts >= 1, points >= parts, parts <= length, points <= length, pointStart + 16 * points <= content + length else {
                    throw fail("record \(record): \(parts) parts and \(points) points do not fit the record's \(length) bytes")
                }
                var rings: [[ZonePolygon.Point]] = []
                for part in 0..<parts {
                    let first = littleInt(bytes, partStart + 4 * part), last = part + 1 < parts ? littleInt(bytes, partStart + 4 * (part + 1)) : points
                    guard first >= 0, first < last, last <= points else { throw fail("record \(record): part \(part + 1) has bad point indices") }
                    rings.append((first..<last).map { k in
                        ZonePolygon.Point(x: littleDouble(bytes, pointStart + 16 * k), y: littleDouble(bytes, pointStart + 16 * k + 8))
                    })
                }
                guard rings.joined().allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { throw fail("record \(record): a coordinate is not a finite number") }
                shapes.append(rings)
            }
            offset = content + length
        }
        return shapes
    }

    private static func bigInt(_ b: [UInt8], _ at: Int) -> Int {
        Int(Int32(bitPattern: UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])))
    }

    private static func littleInt(_ b: [UInt8], _ at: Int) -> Int {
        Int(Int32(bitPattern: UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24))
    }

    private static func littleDouble(_ b: [UInt8], _ at: Int) -> Double {
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(b[at + k]) << (8 * k) }
        return Double(bitPattern: bits)
    }
}

extension String {
    fileprivate func matchesIgnoringCase(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
