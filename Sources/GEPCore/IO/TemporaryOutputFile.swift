#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file written in pieces to a temporary file beside its target
/// (`.<name>.tmp-<pid>-<random>`) and renamed over the target only when complete, so a
/// failed or abandoned write leaves no partial output and any earlier file untouched.
package final class TemporaryOutputFile {
    /// The target as the user named it, for messages.
    package let path: String
    /// The resolved target path.
    private let target: String
    /// The directory holding both files.
    private let folder: String
    /// The temporary file.
    private let temporary: String
    /// Open for writing until `commit()`.
    private let descriptor: Int32
    /// Set by `commit()`; until then `deinit` removes the temporary file.
    private var committed = false

    /// Creates the temporary file.
    ///
    /// - Throws: `.cannotCreateOutput` (exit 73) when it cannot be created.
    package init(path: String, relativeTo directory: String) throws(GEPError) {
        self.path = path
        let target = POSIX.resolve(path, against: directory)
        let slash = target.lastIndex(of: "/")
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        let parent = slash.map { String(target[..<$0]) } ?? "."
        let folder = parent.isEmpty ? "/" : parent
        self.target = target
        self.folder = folder
        var temporary: String
        var descriptor: Int32
        repeat {
            temporary = "\(folder)/.\(name).tmp-\(getpid())-\(String(UInt32.random(in: .min ... .max), radix: 16))"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        } while descriptor < 0 && errno == EEXIST
        guard descriptor >= 0 else {
            throw .cannotCreateOutput(path: path, reason: POSIX.reason(errno))
        }
        self.temporary = temporary
        self.descriptor = descriptor
    }

    deinit {
        if !committed {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Writes all of `bytes` at file offset `offset`.
    ///
    /// - Throws: `.io` (exit 74) when the write fails (such as a full disk).
    package func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(GEPError) {
        guard let base = bytes.baseAddress else { return }
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

    /// Syncs and closes the temporary file and renames it over the target (keeping the
    /// permissions of a file being replaced).
    ///
    /// - Throws: `.io` when syncing or closing fails, `.cannotCreateOutput` when the rename fails.
    package func commit() throws(GEPError) {
        var existing = stat()
        if stat(target, &existing) == 0 {
            fchmod(descriptor, existing.st_mode & 0o7777)
        }
        let syncError = fsync(descriptor) == 0 ? nil : errno
        let closeError = close(descriptor) == 0 ? nil : errno
        committed = true
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
