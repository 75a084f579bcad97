#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an output goes, decided from what the path names before anything is written.
enum OutputTarget {
    /// A regular file, existing or new, replaced all at once through a temporary file in
    /// `folder` (a symbolic link is followed: the file it points to is replaced, the link stays).
    case file(path: String, folder: String, name: String)
    /// A character or block device, FIFO or socket (`/dev/null`, a named pipe): written
    /// directly, since it cannot be replaced.
    case special(path: String)

    /// Decides how to write `path` (already resolved against the working directory).
    ///
    /// - Parameters:
    ///   - shown: The path as the user wrote it, for messages.
    ///   - refusingInputs: Refuse a regular file this process opened as an input
    ///     (`InputIdentities`), compared by device and inode.
    /// - Throws: `.cannotCreateOutput` (exit 73) for a directory, a symbolic link to nothing,
    ///   or an input file.
    static func resolve(_ path: String, shown: String, refusingInputs: Bool) throws(GEPError) -> OutputTarget {
        var target = path
        var status = stat()
        if lstat(target, &status) == 0, status.st_mode & mode_t(S_IFMT) == mode_t(S_IFLNK) {
            guard let resolved = realpath(target, nil) else {
                throw .cannotCreateOutput(path: shown, reason: "is a symbolic link to a file that does not exist (\(POSIX.reason(errno)))")
            }
            target = String(cString: resolved)
            free(resolved)
            guard stat(target, &status) == 0 else { throw .cannotCreateOutput(path: shown, reason: POSIX.reason(errno)) }
        } else if lstat(target, &status) != 0 {
            return .file(path: target, folder: parent(of: target), name: leaf(of: target))
        }
        switch status.st_mode & mode_t(S_IFMT) {
        case mode_t(S_IFDIR):
            throw .cannotCreateOutput(path: shown, reason: POSIX.reason(EISDIR))
        case mode_t(S_IFREG):
            if refusingInputs, InputIdentities.contains(status) {
                throw .cannotCreateOutput(path: shown, reason: "it is one of this command's inputs; writing there would destroy the input (name another file)")
            }
            return .file(path: target, folder: parent(of: target), name: leaf(of: target))
        default:
            return .special(path: target)
        }
    }

    /// The directory part of `path` ("." for a bare name, "/" at the root).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    /// The last component of `path`.
    static func leaf(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
