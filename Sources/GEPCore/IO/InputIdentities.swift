import Foundation

/// The files this process has opened as inputs, by device and inode, so that the command
/// line can refuse an output that would overwrite one of them (`--output` naming the county
/// input, `--out` naming the grid's own folder…). Paths cannot be compared: `a.json`,
/// `./a.json`, a hard link and a symbolic link all name the same file.
///
/// Every input opened through `InputFile.read` or a raster reader is recorded. The library's
/// writers do not consult the record (a program may well rewrite a file it read); the
/// command-line tool does, for every output it writes.
public enum InputIdentities {
    /// A file's identity: the device it lives on and its inode number.
    public struct Identity: Hashable, Sendable {
        /// `st_dev`.
        public var device: UInt64
        /// `st_ino`.
        public var inode: UInt64
    }

    private static let lock = NSLock()
    /// The paths each identity was opened by.
    nonisolated(unsafe) private static var opened: [Identity: Set<String>] = [:]

    /// Records the file open on `descriptor`, opened by `path`, as an input.
    static func record(descriptor: Int32, path: String) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return }
        lock.lock()
        opened[Identity(status), default: []].insert(path)
        lock.unlock()
    }

    /// Whether the file with this `stat` was opened as an input and is still that input: one
    /// of the paths it was opened by names it still. (A file deleted since, whose inode number
    /// the system gave to a new file, is not.)
    static func contains(_ status: stat) -> Bool {
        let identity = Identity(status)
        lock.lock()
        defer { lock.unlock() }
        guard let paths = opened[identity] else { return false }
        let current = paths.filter { path in
            var now = stat()
            return stat(path, &now) == 0 && Identity(now) == identity
        }
        opened[identity] = current.isEmpty ? nil : current
        return !current.isEmpty
    }
}

extension InputIdentities.Identity {
    /// The identity in a `stat` record.
    init(_ status: stat) {
        self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}
