#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GEPCore

/// Where a TIFF's bytes come from: an open file read with `pread`, or bytes in memory.
///
/// Both cases are immutable, so concurrent reads need no locking. The owner of a `.file`
/// source closes its descriptor.
enum TIFFByteSource: Sendable {
    /// An open, read-only file descriptor and the file's size in bytes.
    case file(descriptor: Int32, size: Int)
    /// The whole file in memory.
    case memory([UInt8])

    /// Size of the file in bytes.
    var size: Int {
        switch self {
        case let .file(_, size): size
        case let .memory(bytes): bytes.count
        }
    }

    /// Whether `count` bytes starting at `offset` lie inside the file.
    func contains(offset: Int, count: Int) -> Bool {
        guard offset >= 0, count >= 0 else { return false }
        let (end, overflow) = offset.addingReportingOverflow(count)
        return !overflow && end <= size
    }

    /// Fills `buffer` with the bytes starting at `offset`, which the caller has checked lie
    /// inside the file. Returns `nil` on success, else an `errno` code (`EIO` when the file
    /// turned out shorter than its size said).
    func read(offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int32? {
        guard buffer.count > 0, let base = buffer.baseAddress else { return nil }
        switch self {
        case let .memory(bytes):
            bytes.withUnsafeBytes { source in
                base.copyMemory(from: source.baseAddress! + offset, byteCount: buffer.count)
            }
            return nil
        case let .file(descriptor, _):
            var done = 0
            while done < buffer.count {
                let count = pread(descriptor, base + done, buffer.count - done, off_t(offset + done))
                if count > 0 {
                    done += count
                } else if count == 0 {
                    return EIO
                } else if errno != EINTR {
                    return errno
                }
            }
            return nil
        }
    }
}

/// A TIFF byte source with the name used in messages: reads checked against the file size.
struct TIFFReader: Sendable {
    /// The path or name used in messages.
    let name: String
    /// The bytes.
    let source: TIFFByteSource

    /// `count` bytes at `offset`, or `.invalidData` naming `what` when they lie outside the
    /// file, or `.io` when the read fails.
    func bytes(at offset: Int, count: Int, what: @autoclosure () -> String) throws(GEPError) -> [UInt8] {
        guard source.contains(offset: offset, count: count) else {
            throw .invalidRaster(name, "\(what()) at offset \(offset) (\(count) bytes) lies beyond the end of the file (\(source.size) bytes)")
        }
        var bytes = [UInt8](repeating: 0, count: count)
        if let code = bytes.withUnsafeMutableBytes({ source.read(offset: offset, into: $0) }) {
            throw .io(path: name, reason: POSIX.reason(code))
        }
        return bytes
    }

    /// Fills `buffer` from `offset`, which the caller has checked lies inside the file.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(GEPError) {
        if let code = source.read(offset: offset, into: buffer) {
            throw .io(path: name, reason: POSIX.reason(code))
        }
    }
}
