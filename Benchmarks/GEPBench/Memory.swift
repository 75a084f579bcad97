import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resident-memory readings of this process.
///
/// On Linux each case resets the kernel's resident high-water mark (writing `5` to
/// `/proc/self/clear_refs`), so `highWaterKiB()` afterwards is the peak *during that case*,
/// including whatever the process already held. Where that is unavailable, the process-wide
/// `getrusage` maximum is used instead.
enum Memory {
    /// `ru_maxrss` of this process, KiB (bytes on Darwin, converted). After
    /// `resetHighWater()` it restarts from the current RSS as well on Linux.
    static func maxRSSKiB() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss) / 1024
        #endif
    }

    /// Resets the resident high-water mark; false when the system does not allow it.
    @discardableResult
    static func resetHighWater() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// Current resident set, KiB (`VmRSS`), or `nil` off Linux.
    static func currentKiB() -> Int? { statusField("VmRSS:") }

    /// Peak resident set since start or the last reset, KiB (`VmHWM`; `getrusage` elsewhere).
    static func highWaterKiB() -> Int { statusField("VmHWM:") ?? maxRSSKiB() }

    /// A `kB` field of `/proc/self/status`.
    private static func statusField(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            return Int(line.dropFirst(name.count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        return nil
    }
}
