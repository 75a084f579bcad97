#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A folder of output files (`--out DIR`) that appears as a complete set or not at all.
///
/// The files are written into a hidden staging folder (`staging`). When `DIR` does not exist
/// yet, the staging folder sits beside it and `commit()` renames it to `DIR` in one step: a
/// run that fails or is killed leaves no `DIR`, and nothing is created before the run has
/// got as far as writing. When `DIR` exists (it may hold the user's other files, or be `.`),
/// the staging folder sits inside it and `commit()` moves each file in by an atomic rename,
/// after checking that none of them would replace one of the command's inputs. Staging
/// folders that killed runs left behind are removed first (`StaleTemporaries`).
public final class OutputDirectory {
    /// The directory as the user named it, for messages.
    public let path: String
    /// The directory, resolved.
    private let target: String
    /// Where the files are written until `commit()`.
    public let staging: String
    /// Whether `target` existed when the output began.
    private let existed: Bool
    private var committed = false

    /// Creates the staging folder.
    ///
    /// - Throws: `.cannotCreateOutput` (exit 73) when `path` names something that is not a
    ///   directory, or no folder can be created where it points.
    public init(path: String, relativeTo directory: String) throws(GEPError) {
        self.path = path
        var target = POSIX.resolve(path, against: directory)
        while target.count > 1, target.hasSuffix("/") { target.removeLast() }
        self.target = target
        var status = stat()
        let anchor: String
        if stat(target, &status) == 0 {
            guard status.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR) else {
                throw .cannotCreateOutput(path: path, reason: "it exists and is not a directory")
            }
            existed = true
            anchor = target
        } else {
            existed = false
            var ancestor = OutputTarget.parent(of: target)
            while stat(ancestor, &status) != 0, ancestor != "/", ancestor != "." { ancestor = OutputTarget.parent(of: ancestor) }
            guard stat(ancestor, &status) == 0, status.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR) else {
                throw .cannotCreateOutput(path: path, reason: "\(ancestor) is not a directory")
            }
            anchor = ancestor
        }
        StaleTemporaries.remove(in: anchor)
        let leaf = existed ? "gep-output" : OutputTarget.leaf(of: target)
        var staging: String
        repeat {
            staging = anchor + "/" + StaleTemporaries.name(for: leaf)
        } while mkdir(staging, 0o777) != 0 && errno == EEXIST
        guard access(staging, W_OK) == 0 else {
            throw .cannotCreateOutput(path: path, reason: POSIX.reason(errno))
        }
        self.staging = staging
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(atPath: staging) }
    }

    /// The staging path of the output file `name`.
    public func file(_ name: String) -> String { staging + "/" + name }

    /// Puts the files in place: renames the staging folder to the directory, or moves each
    /// file into the existing directory.
    ///
    /// - Parameter refusingInputs: Refuse to replace a file this process opened as an input
    ///   (`InputIdentities`), before any file is moved.
    /// - Throws: `.cannotCreateOutput` when the directory or a file cannot be put in place.
    public func commit(refusingInputs: Bool = false) throws(GEPError) {
        if !existed {
            do {
                try FileManager.default.createDirectory(atPath: OutputTarget.parent(of: target), withIntermediateDirectories: true)
            } catch {
                throw .cannotCreateOutput(path: path, reason: "cannot create its parent directory")
            }
            if rename(staging, target) == 0 {
                committed = true
                return
            }
            guard errno == EEXIST || errno == ENOTEMPTY else { throw .cannotCreateOutput(path: path, reason: POSIX.reason(errno)) }
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []).sorted()
        if refusingInputs {
            for name in names {
                var status = stat()
                if stat(target + "/" + name, &status) == 0, InputIdentities.contains(status) {
                    throw .cannotCreateOutput(path: path + "/" + name, reason: "it is one of this command's inputs; writing there would destroy the input (name another directory)")
                }
            }
        }
        for name in names where rename(staging + "/" + name, target + "/" + name) != 0 {
            throw .cannotCreateOutput(path: path + "/" + name, reason: POSIX.reason(errno))
        }
        committed = true
        rmdir(staging)
    }
}
