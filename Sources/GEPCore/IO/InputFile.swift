#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading whole input files, with failures mapped to `GEPError`.
public enum InputFile {
    /// The largest input `read` accepts by default: 1 GiB. County inputs, coefficient sets,
    /// scenarios, quotes, parameter files and CSV tables are kilobytes to megabytes; a larger
    /// file is a mistake (the wrong file named), not an input.
    public static let defaultSizeLimit = 1 << 30

    /// Opens a regular file for reading (without blocking on a FIFO or device, which are
    /// refused) and returns its descriptor, which the caller closes, and its size.
    ///
    /// - Throws: `.missingInput` (exit 66) when the file cannot be opened or is not a regular
    ///   file; `.io` (exit 74) when it cannot be examined.
    package static func open(_ path: String, relativeTo directory: String) throws(GEPError) -> (descriptor: Int32, size: Int) {
        switch POSIX.openRegularFile(POSIX.resolve(path, against: directory)) {
        case let .success(opened): return opened
        case let .failure(.missing(reason)): throw .missingInput(path: path, reason: reason)
        case let .failure(.io(reason)): throw .io(path: path, reason: reason)
        }
    }

    /// Reads a whole regular file.
    ///
    /// Only regular files are read: a directory, FIFO, socket or device (`/dev/zero`, which
    /// never ends; a FIFO, which would block until a writer comes) is refused at once. The
    /// file is opened without blocking and its size is checked before anything is read.
    ///
    /// - Parameters:
    ///   - path: The file as the user named it; relative paths resolve against `directory`.
    ///   - directory: Usually the command's working directory.
    ///   - limit: The largest size in bytes accepted (`defaultSizeLimit` unless the format's
    ///     own header bounds it, as for rasters).
    /// - Throws: `.missingInput` (exit 66) when the file cannot be opened or is not a regular
    ///   file, with the reason (such as "no such file or directory", "permission denied", "is
    ///   a directory", "is a FIFO (named pipe), not a regular file"); `.invalidData` (exit 65)
    ///   when it is larger than `limit`; `.io` (exit 74) when a read fails part-way.
    public static func read(_ path: String, relativeTo directory: String, limit: Int = defaultSizeLimit) throws(GEPError) -> [UInt8] {
        let (descriptor, size) = try open(path, relativeTo: directory)
        defer { close(descriptor) }
        guard size <= limit else {
            throw .invalidData([Diagnostic(file: path, message: "the file is \(size) bytes, larger than the \(limit)-byte limit for this kind of input")])
        }
        switch POSIX.readAll(from: descriptor, limit: limit) {
        case let .success(bytes):
            return bytes
        case .failure(let error) where error.code == EFBIG:
            throw .invalidData([Diagnostic(file: path, message: "the file grew beyond the \(limit)-byte limit for this kind of input while it was read")])
        case let .failure(error):
            throw .io(path: path, reason: POSIX.reason(error.code))
        }
    }
}
