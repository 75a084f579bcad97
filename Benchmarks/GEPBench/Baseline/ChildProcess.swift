import Dispatch
import Foundation

/// Runs a program to completion and collects its output.
enum ChildProcess {
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    /// Starts `executable` with `arguments`, reads both pipes to the end (standard error on a
    /// second thread, so neither pipe can fill and block the child), then waits for it.
    static func run(_ executable: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = DataBox()
        let reader = DispatchGroup()
        let errorHandle = err.fileHandleForReading
        DispatchQueue.global().async(group: reader) { errors.set(errorHandle.readDataToEndOfFile()) }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        reader.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: stdout, stderr: errors.get())
    }
}

/// Bytes handed from a reader thread.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()

    /// Runs `body` holding the lock (NSLocking.withLock is not available on every supported macOS).
    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
    private var data = Data()
    func set(_ value: Data) { locked { data = value } }
    func get() -> Data { locked { data } }
}
