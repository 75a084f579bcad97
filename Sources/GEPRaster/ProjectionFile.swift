import Foundation
import GEPCore

/// The EPSG code of a `.prj` file's CRS: the well-known text that ESRI tools, QGIS and GDAL
/// write next to an ESRI ASCII grid or a Shapefile.
///
/// Read in this order:
/// 1. the root's own authority, `AUTHORITY["EPSG","4547"]` (WKT 1) or `ID["EPSG",32650]`
///    (WKT 2), as QGIS and `gdalsrsinfo` write it;
/// 2. otherwise the root's name in ESRI's spelling, which GDAL's AAIGrid and Shapefile drivers
///    write without an authority, for the CRSs of Chinese county data: `GCS_WGS_1984` (4326),
///    `GCS_China_Geodetic_Coordinate_System_2000` (4490), `WGS_1984_UTM_Zone_<z><N|S>`
///    (32600 + z, 32700 + z), and CGCS2000 Gauss–Krüger by zone or central meridian:
///    `CGCS2000_GK_Zone_<13…23>` (4478 + z), `CGCS2000_GK_CM_<75…135>E` (4502 + (λ − 75)/6),
///    `CGCS2000_3_Degree_GK_Zone_<25…45>` (4488 + z), `CGCS2000_3_Degree_GK_CM_<75…135>E`
///    (4534 + (λ − 75)/3).
///
/// Source: the EPSG registry's codes 4326, 4490, 4491–4554 and 32601–32760; the ESRI names as
/// GDAL 3.6.2 writes them (`gdal_translate -of AAIGrid -a_srs EPSG:<code>`, fixtures in
/// `Tests/GEPRasterTests/Fixtures/prj/`). No other CRS is guessed from its parameters.
public enum ProjectionFile {
    /// The EPSG code of the CRS in `text`, the contents of the `.prj` file `file`.
    ///
    /// - Throws: `.invalidData` naming the file and the CRS's name when the text is not WKT or
    ///   names a CRS without an EPSG authority that is not in the list above, with the
    ///   `gdal_translate -a_srs` command that gives the layer a code.
    public static func epsg(wkt text: String, file: String) throws(GEPError) -> Int {
        let wkt = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let open = wkt.firstIndex(of: "["), wkt.last == "]" else {
            throw .invalidData([Diagnostic(file: file, message: "not a well-known-text CRS (expected KEYWORD[\"name\", …])")])
        }
        if let code = rootAuthority(wkt) { return code }
        let name = quoted(after: open, in: wkt) ?? ""
        if let code = esriCode(name) { return code }
        throw .invalidData([Diagnostic(file: file, message: "CRS \"\(name)\" has no EPSG code gep can tell; give the layer one with "
                                       + "`gdal_translate -a_srs EPSG:<code> <layer> <new layer>` (a GeoTIFF records it), or use a CRS listed in the README")])
    }

    /// The EPSG code of the `.prj` beside `path` (`InputFile.sibling`), or nil when there is none.
    ///
    /// - Throws: `.missingInput`/`.io` when the `.prj` cannot be read; as `epsg(wkt:file:)`.
    public static func epsg(besides path: String, relativeTo directory: String) throws(GEPError) -> Int? {
        guard let projection = InputFile.sibling(of: path, extension: "prj", relativeTo: directory) else { return nil }
        return try epsg(wkt: String(decoding: try InputFile.read(projection, relativeTo: directory), as: UTF8.self), file: projection)
    }

    /// The EPSG code in the root's own `AUTHORITY[...]` or `ID[...]` (bracket depth 1).
    private static func rootAuthority(_ wkt: String) -> Int? {
        var depth = 0, inQuote = false, found: Int?
        var index = wkt.startIndex
        while index < wkt.endIndex {
            let character = wkt[index]
            if character == "\"" { inQuote.toggle() }
            if !inQuote {
                if character == "[" { depth += 1 }
                if character == "]" { depth -= 1 }
                if depth == 1, character == "," || character == "[" {
                    let rest = wkt[wkt.index(after: index)...].drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
                    for keyword in ["AUTHORITY[", "ID["] where rest.uppercased().hasPrefix(keyword) {
                        let fields = rest.dropFirst(keyword.count).prefix { $0 != "]" }.split(separator: ",")
                            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                        if fields.count >= 2, fields[0].uppercased() == "EPSG", let code = Int(fields[1]) { found = code }
                    }
                }
            }
            index = wkt.index(after: index)
        }
        return found
    }

    /// The first quoted string after `index`.
    private static func quoted(after index: String.Index, in text: String) -> String? {
        guard let start = text[index...].firstIndex(of: "\"") else { return nil }
        let rest = text[text.index(after: start)...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// The EPSG code of an ESRI CRS name from the list in the type's documentation.
    static func esriCode(_ name: String) -> Int? {
        switch name {
        case "GCS_WGS_1984": return 4326
        case "GCS_China_Geodetic_Coordinate_System_2000": return 4490
        default: break
        }
        if let zone = suffix(of: name, after: "WGS_1984_UTM_Zone_"), let hemisphere = zone.last, "NS".contains(hemisphere),
           let z = Int(zone.dropLast()), (1...60).contains(z) {
            return (hemisphere == "N" ? 32600 : 32700) + z
        }
        if let z = suffix(of: name, after: "CGCS2000_3_Degree_GK_Zone_").flatMap({ Int($0) }), (25...45).contains(z) { return 4488 + z }
        if let z = suffix(of: name, after: "CGCS2000_GK_Zone_").flatMap({ Int($0) }), (13...23).contains(z) { return 4478 + z }
        if let meridian = centralMeridian(name, after: "CGCS2000_3_Degree_GK_CM_"), (75...135).contains(meridian), meridian % 3 == 0 {
            return 4534 + (meridian - 75) / 3
        }
        if let meridian = centralMeridian(name, after: "CGCS2000_GK_CM_"), (75...135).contains(meridian), (meridian - 75) % 6 == 0 {
            return 4502 + (meridian - 75) / 6
        }
        return nil
    }

    private static func suffix(of name: String, after prefix: String) -> String? {
        name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : nil
    }

    /// λ of `<prefix><λ>E`.
    private static func centralMeridian(_ name: String, after prefix: String) -> Int? {
        guard let rest = suffix(of: name, after: prefix), rest.hasSuffix("E") else { return nil }
        return Int(rest.dropLast())
    }
}
