import Foundation

/// Everything a command may use from its surroundings: where to print, the environment,
/// and the directory that relative paths are resolved against.
public struct CommandContext {
    /// Where results go.
    public var stdout: any TextSink
    /// Where errors and warnings go.
    public var stderr: any TextSink
    /// The environment variables.
    public var environment: [String: String]
    /// The directory that relative input and output paths resolve against.
    public var workingDirectory: String

    /// The running executable's path, when known (used to find the shipped `coefficients/`).
    public var executablePath: String?

    /// Creates a context.
    public init(stdout: any TextSink, stderr: any TextSink, environment: [String: String], workingDirectory: String,
                executablePath: String? = nil) {
        self.executablePath = executablePath
        self.stdout = stdout
        self.stderr = stderr
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// `path` as an absolute path: relative paths resolve against `workingDirectory`.
    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }

    /// The directory of the file at `path`: where the paths an input file names are resolved.
    func directory(of path: String) -> String {
        (absolute(path) as NSString).deletingLastPathComponent
    }
}
