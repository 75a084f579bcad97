#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The temporary files and folders outputs are written through (`.<name>.tmp-<pid>-<hex>`),
/// and the removal of those a killed run left behind.
enum StaleTemporaries {
    /// The temporary name for `name` written by this process.
    static func name(for name: String) -> String {
        ".\(name).tmp-\(getpid())-\(String(UInt32.random(in: .min ... .max), radix: 16))"
    }

    /// The process id in a temporary name, or `nil` when `entry` is not one.
    static func writer(of entry: String) -> Int32? {
        guard entry.hasPrefix("."), let marker = entry.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = entry[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, !parts[1].isEmpty,
              parts[1].allSatisfy({ $0.isHexDigit }) else { return nil }
        return pid
    }

    /// Removes from `directory` the temporary files and folders of processes that no longer
    /// run (a run killed while writing). Those of running processes, this one included, stay.
    static func remove(in directory: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries {
            guard let pid = writer(of: entry), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: directory + "/" + entry)
        }
    }
}
