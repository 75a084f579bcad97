import Foundation

extension InputFile {
    /// The file beside `path` with the same stem and the extension `ext` in lower or upper case
    /// (`lulc.asc` → `lulc.prj` or `lulc.PRJ`), as the caller would name it, when one exists:
    /// the `.prj`, `.cpg` and `.dbf` companions of ESRI formats.
    public static func sibling(of path: String, extension ext: String, relativeTo directory: String) -> String? {
        let stem = (path as NSString).deletingPathExtension
        for candidate in [stem + "." + ext.lowercased(), stem + "." + ext.uppercased()] {
            if FileManager.default.fileExists(atPath: POSIX.resolve(candidate, against: directory)) { return candidate }
        }
        return nil
    }
}
