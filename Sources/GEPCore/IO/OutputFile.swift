#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing output files atomically, with failures mapped to `GEPError`.
public enum OutputFile {
    /// Replaces the file at `path` with `bytes`, all or nothing.
    ///
    /// The bytes go to a new temporary file beside the target (`.<name>.tmp-<pid>-<random>`),
    /// which is synced to disk and then renamed over the target; a file being replaced keeps
    /// its permissions, and a symbolic link is followed (its target is replaced). On failure
    /// the temporary file is removed and any earlier file at `path` is left as it was. A
    /// device or FIFO (`/dev/null`, a named pipe with a reader) is written directly.
    ///
    /// - Parameters:
    ///   - bytes: The complete new contents.
    ///   - path: The file as the user named it; relative paths resolve against `directory`.
    ///   - directory: Usually the command's working directory.
    ///   - refusingInputs: Refuse a file this process opened as an input (compared by device
    ///     and inode; `InputIdentities`).
    /// - Throws: `.cannotCreateOutput` (exit 73) when the file cannot be created or put in
    ///   place (such as a missing or unwritable directory, a directory named as the file, an
    ///   input named as the output); `.io` (exit 74) when writing fails.
    public static func write(_ bytes: [UInt8], to path: String, relativeTo directory: String, refusingInputs: Bool = false) throws(GEPError) {
        let file = try TemporaryOutputFile(path: path, relativeTo: directory, refusingInputs: refusingInputs)
        try file.write(bytes, at: 0)
        try file.commit()
    }
}
