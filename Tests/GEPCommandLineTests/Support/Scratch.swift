import Foundation

/// A new, empty directory under the system's temporary directory, removed with everything in
/// it when the value goes away; for tests that write files.
final class Scratch {
    /// The directory's absolute path.
    let path: String

    /// Creates the directory.
    init() throws {
        path = NSTemporaryDirectory() + "gep-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    /// Copies a repository file or directory (a path relative to the repository root) to
    /// `name` inside the directory and returns the copy's path.
    @discardableResult
    func copy(_ repositoryPath: String, to name: String) throws -> String {
        try FileManager.default.copyItem(atPath: RepositoryRun.repository + "/" + repositoryPath, toPath: file(name))
        return file(name)
    }

    /// The names in the directory, sorted (hidden ones included).
    var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}
