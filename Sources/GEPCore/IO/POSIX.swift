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

    /// Reads everything left in `descriptor`, retrying interrupted reads, up to `limit` bytes.
    /// Returns the bytes, or the `errno` code of the read that failed (`EFBIG` when there is
    /// more than `limit`).
    package static func readAll(from descriptor: Int32, limit: Int = .max) -> Result<[UInt8], POSIXCode> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                guard bytes.count + count <= limit else { return .failure(POSIXCode(EFBIG)) }
                bytes.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                return .success(bytes)
            } else if errno != EINTR {
                return .failure(POSIXCode(errno))
            }
        }
    }

    /// Opens an input file for reading without blocking on a FIFO or device, and checks that
    /// it is a regular file. Returns the descriptor (blocking again, positioned at the start)
    /// and the file's size, or why it cannot be read: the `errno` of `open`/`fstat`, or a
    /// reason such as "is a directory" or "is a FIFO, not a regular file". The file is
    /// recorded in `InputIdentities`.
    package static func openRegularFile(_ path: String) -> Result<(descriptor: Int32, size: Int), InputRefusal> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return .failure(.missing(reason(errno))) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            return .failure(.io(reason(code)))
        }
        let kind = status.st_mode & mode_t(S_IFMT)
        guard kind == mode_t(S_IFREG) else {
            close(descriptor)
            return .failure(.missing(kind == mode_t(S_IFDIR) ? reason(EISDIR) : "is \(fileKind(kind)), not a regular file"))
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        InputIdentities.record(descriptor: descriptor, path: path)
        return .success((descriptor, Int(status.st_size)))
    }

    /// "a FIFO", "a character device"… for a `st_mode & S_IFMT` value.
    private static func fileKind(_ kind: mode_t) -> String {
        switch kind {
        case mode_t(S_IFIFO): "a FIFO (named pipe)"
        case mode_t(S_IFCHR): "a character device"
        case mode_t(S_IFBLK): "a block device"
        case mode_t(S_IFSOCK): "a socket"
        default: "a special file"
        }
    }
}

/// Why an input file cannot be read.
package enum InputRefusal: Error {
    /// It cannot be opened or is not a regular file (exit 66): the reason.
    case missing(String)
    /// It opened but could not be examined (exit 74): the reason.
    case io(String)
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
