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
    /// its permissions. On failure the temporary file is removed and any earlier file at
    /// `path` is left as it was.
    ///
    /// - Parameters:
    ///   - bytes: The complete new contents.
    ///   - path: The file as the user named it; relative paths resolve against `directory`.
    ///   - directory: Usually the command's working directory.
    /// - Throws: `.cannotCreateOutput` (exit 73) when the file cannot be created or put in
    ///   place (such as a missing or unwritable directory); `.io` (exit 74) when writing fails.
    public static func write(_ bytes: [UInt8], to path: String, relativeTo directory: String) throws(GEPError) {
        let target = POSIX.resolve(path, against: directory)
        let (folder, name) = split(target)
        var temporary: String
        var descriptor: Int32
        repeat {
            let suffix = String(UInt32.random(in: .min ... .max), radix: 16)
            temporary = "\(folder)/.\(name).tmp-\(getpid())-\(suffix)"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        } while descriptor < 0 && errno == EEXIST
        guard descriptor >= 0 else {
            throw .cannotCreateOutput(path: path, reason: POSIX.reason(errno))
        }
        var existing = stat()
        if stat(target, &existing) == 0 {
            fchmod(descriptor, existing.st_mode & 0o7777)
        }
        let writeError = POSIX.writeAll(bytes, to: descriptor) ?? (fsync(descriptor) == 0 ? nil : errno)
        let closeError = close(descriptor) == 0 ? nil : errno
        if let code = writeError ?? closeError {
            unlink(temporary)
            throw .io(path: path, reason: POSIX.reason(code))
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw .cannotCreateOutput(path: path, reason: POSIX.reason(code))
        }
        syncDirectory(folder)
    }

    /// The directory part (never empty) and the last component of an absolute or relative path.
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Syncs a directory so that a rename in it survives a crash; failures are ignored
    /// because the file itself is already complete.
    private static func syncDirectory(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
