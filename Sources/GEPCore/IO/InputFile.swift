#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading whole input files, with failures mapped to `GEPError`.
public enum InputFile {
    /// Reads a whole file.
    ///
    /// - Parameters:
    ///   - path: The file as the user named it; relative paths resolve against `directory`.
    ///   - directory: Usually the command's working directory.
    /// - Throws: `.missingInput` (exit 66) when the file cannot be opened, with the reason
    ///   (such as "no such file or directory", "permission denied", "is a directory");
    ///   `.io` (exit 74) when a read fails part-way.
    public static func read(_ path: String, relativeTo directory: String) throws(GEPError) -> [UInt8] {
        let descriptor = open(POSIX.resolve(path, against: directory), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .missingInput(path: path, reason: POSIX.reason(errno))
        }
        defer { close(descriptor) }
        if POSIX.isDirectory(descriptor) {
            throw .missingInput(path: path, reason: POSIX.reason(EISDIR))
        }
        switch POSIX.readAll(from: descriptor) {
        case let .success(bytes):
            return bytes
        case let .failure(error):
            throw .io(path: path, reason: POSIX.reason(error.code))
        }
    }
}
