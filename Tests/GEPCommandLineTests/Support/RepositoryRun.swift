import Foundation
import GEPCommandLine
import GEPCore

/// What one in-process `gep` invocation printed and returned.
struct RepositoryRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The repository root (the directory holding `Package.swift`).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs `gep arguments` in `directory`. Inside the checkout the coefficient library is
    /// found by walking up; elsewhere it is named by `GEP_COEFFICIENTS_DIR`.
    /// `stderrIsTerminal` makes standard error behave as a terminal (progress lines).
    static func gep(_ arguments: [String], in directory: String = repository, stderrIsTerminal: Bool = false) -> RepositoryRun {
        let out = StringSink(), err = StringSink(isTerminal: stderrIsTerminal)
        let environment = directory == repository ? [:] : ["GEP_COEFFICIENTS_DIR": repository + "/coefficients"]
        let context = CommandContext(stdout: out, stderr: err, environment: environment, workingDirectory: directory)
        let status = GEPTool.tool.run(arguments: arguments, context: context)
        return RepositoryRun(status: status, stdout: out.text, stderr: err.text)
    }
}
