#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file written in pieces and put in place only when complete.
///
/// A regular file (new or existing; a symbolic link is followed to its target) is written to
/// a temporary file beside it (`.<name>.tmp-<pid>-<random>`) that is renamed over it by
/// `commit()`, so a failed or abandoned write leaves no partial output and any earlier file
/// untouched; the temporary files that killed runs left in that folder are removed first. A
/// device, FIFO or socket (`/dev/null`, a named pipe) cannot be replaced: writes in file order
/// go straight to it; writes out of order from the start (a GeoTIFF's header last) are
/// gathered in memory and written to it by `commit()`.
package final class TemporaryOutputFile {
    /// The target as the user named it, for messages.
    package let path: String
    /// How the output is written.
    private let mode: Mode
    /// Open for writing until `commit()`.
    private let descriptor: Int32
    /// Set by `commit()`; until then `deinit` removes the temporary file.
    private var committed = false
    /// A special file's bytes written out of order, written at `commit()`.
    private var gathered: [UInt8] = []
    /// Bytes written straight through to a special file (writes in order go through at once,
    /// so a full device fails at the write, not at `commit()`).
    private var streamed = 0

    private enum Mode {
        case replacing(target: String, folder: String, temporary: String)
        case direct
    }

    /// Creates the temporary file, or opens the special file.
    ///
    /// - Parameter refusingInputs: Refuse a target this process opened as an input
    ///   (`InputIdentities`; the command line sets it).
    /// - Throws: `.cannotCreateOutput` (exit 73) when it cannot be created: a missing or
    ///   unwritable folder, a directory, a link to nothing, an input, a FIFO with no reader.
    package init(path: String, relativeTo directory: String, refusingInputs: Bool = false) throws(GEPError) {
        self.path = path
        switch try OutputTarget.resolve(POSIX.resolve(path, against: directory), shown: path, refusingInputs: refusingInputs) {
        case let .special(target):
            let descriptor = open(target, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw .cannotCreateOutput(path: path, reason: errno == ENXIO ? "it is a FIFO with no reader" : POSIX.reason(errno))
            }
            let flags = fcntl(descriptor, F_GETFL)
            if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
            self.descriptor = descriptor
            mode = .direct
        case let .file(target, folder, name):
            StaleTemporaries.remove(in: folder)
            var temporary: String
            var descriptor: Int32
            repeat {
                temporary = "\(folder)/\(StaleTemporaries.name(for: name))"
                descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            } while descriptor < 0 && errno == EEXIST
            guard descriptor >= 0 else {
                throw .cannotCreateOutput(path: path, reason: POSIX.reason(errno))
            }
            self.descriptor = descriptor
            mode = .replacing(target: target, folder: folder, temporary: temporary)
        }
    }

    deinit {
        guard !committed else { return }
        close(descriptor)
        if case let .replacing(_, _, temporary) = mode { unlink(temporary) }
    }

    /// Writes all of `bytes` at file offset `offset`.
    ///
    /// - Throws: `.io` (exit 74) when the write fails (such as a full disk).
    package func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(GEPError) {
        guard let base = bytes.baseAddress else { return }
        if case .direct = mode {
            if gathered.isEmpty, offset == streamed {
                if let code = POSIX.writeAll(Array(bytes), to: descriptor) { throw .io(path: path, reason: POSIX.reason(code)) }
                streamed += bytes.count
                return
            }
            guard streamed == 0 else { throw .io(path: path, reason: "a device or FIFO cannot be written out of order") }
            if gathered.count < offset + bytes.count { gathered.append(contentsOf: repeatElement(0, count: offset + bytes.count - gathered.count)) }
            gathered.withUnsafeMutableBytes { $0.baseAddress!.advanced(by: offset).copyMemory(from: base, byteCount: bytes.count) }
            return
        }
        var done = 0
        while done < bytes.count {
            let count = pwrite(descriptor, base + done, bytes.count - done, off_t(offset + done))
            if count >= 0 {
                done += count
            } else if errno != EINTR {
                throw .io(path: path, reason: POSIX.reason(errno))
            }
        }
    }

    /// Writes all of `bytes` at file offset `offset`.
    package func write(_ bytes: [UInt8], at offset: Int) throws(GEPError) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(GEPError) in try write(buffer, at: offset) }
        }
        try result.get()
    }

    /// Puts the output in place: syncs and closes the temporary file and renames it over the
    /// target (keeping the permissions of a file being replaced), or writes a special file's
    /// bytes to it.
    ///
    /// - Throws: `.io` when writing, syncing or closing fails, `.cannotCreateOutput` when the rename fails.
    package func commit() throws(GEPError) {
        committed = true
        switch mode {
        case .direct:
            let writeError = POSIX.writeAll(gathered, to: descriptor)
            let closeError = close(descriptor) == 0 ? nil : errno
            if let code = writeError ?? closeError { throw .io(path: path, reason: POSIX.reason(code)) }
        case let .replacing(target, folder, temporary):
            var existing = stat()
            if stat(target, &existing) == 0 {
                fchmod(descriptor, existing.st_mode & 0o7777)
            }
            let syncError = fsync(descriptor) == 0 ? nil : errno
            let closeError = close(descriptor) == 0 ? nil : errno
            if let code = syncError ?? closeError {
                unlink(temporary)
                throw .io(path: path, reason: POSIX.reason(code))
            }
            guard rename(temporary, target) == 0 else {
                let code = errno
                unlink(temporary)
                throw .cannotCreateOutput(path: path, reason: POSIX.reason(code))
            }
            let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if directory >= 0 {
                fsync(directory)
                close(directory)
            }
        }
    }
}
