#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the C library calls that file and stream I/O are built on.
///
/// Failures are returned as `errno` codes so that callers can choose the `GEPError` case.
package enum POSIX {
    /// A readable reason for an `errno` code, from `strerror`, starting in lower case
    /// (for example "no such file or directory").
    package static func reason(_ code: Int32) -> String {
        let message = String(cString: strerror(code))
        return message.prefix(1).lowercased() + message.dropFirst()
    }

    /// `path` itself when absolute, otherwise `path` inside `directory`.
    package static func resolve(_ path: String, against directory: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// Writes all of `bytes` to `descriptor`, retrying short and interrupted writes.
    /// Returns `nil` on success, else the `errno` code.
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno != EINTR {
                    return errno
                }
            }
            return nil
        }
    }

    /// Reads everything left in `descriptor`, retrying interrupted reads.
    /// Returns the bytes, or the `errno` code of the read that failed.
    package static func readAll(from descriptor: Int32) -> Result<[UInt8], POSIXCode> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                return .success(bytes)
            } else if errno != EINTR {
                return .failure(POSIXCode(errno))
            }
        }
    }

    /// Whether `descriptor` is open on a directory.
    package static func isDirectory(_ descriptor: Int32) -> Bool {
        var status = stat()
        return fstat(descriptor, &status) == 0 && status.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR)
    }
}

/// An `errno` code carried as an `Error`, so it can travel in a `Result`.
package struct POSIXCode: Error {
    /// The `errno` value.
    let code: Int32

    /// Wraps an `errno` value.
    init(_ code: Int32) {
        self.code = code
    }
}
