import Foundation
import GEPCore
import GEPReport
import GEPSensitivity

/// Wraps a model to show `gep sensitivity`'s progress on a terminal: one line, rewritten in
/// place at every whole percent of the expected runs — with the time left, extrapolated from
/// the time so far, once a second has passed — and cleared when the runs are done.
///
/// The count is shared by the worker threads under a lock; the model's results are untouched.
struct ProgressModel<Base: SensitivityModel>: SensitivityModel {
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var done = 0
        var shownPercent = -1
        let total: Int
        let label: String
        let sink: any TextSink
        let start = DispatchTime.now()

        init(total: Int, label: String, sink: any TextSink) {
            self.total = max(1, total)
            self.label = label
            self.sink = sink
        }

        func advance() {
            lock.lock()
            defer { lock.unlock() }
            done += 1
            let percent = min(100, done * 100 / total)
            guard percent != shownPercent else { return }
            shownPercent = percent
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let left = done < total && elapsed >= 1 ? ", about \(Self.duration(elapsed * Double(total - done) / Double(done))) left" : ""
            sink.write("\r\(label): \(percent) % (\(NumberText.grouped(Double(done), decimals: 0)) of \(NumberText.grouped(Double(total), decimals: 0)) runs\(left))\u{1B}[K")
        }

        /// `42 s`, `3 min 5 s`, `2 h 10 min`.
        static func duration(_ seconds: Double) -> String {
            guard seconds.isFinite, seconds < 1e9 else { return "–" }
            let s = Int(seconds.rounded(.up))
            if s < 60 { return "\(s) s" }
            if s < 3600 { return "\(s / 60) min \(s % 60) s" }
            return "\(s / 3600) h \(s % 3600 / 60) min"
        }

        /// Clears the line.
        func finish() {
            lock.lock()
            defer { lock.unlock() }
            if shownPercent >= 0 { sink.write("\r\u{1B}[K") }
        }
    }

    let base: Base
    /// Nil when no one watches (not a terminal): then nothing is counted.
    let counter: Counter?

    var dimension: Int { base.dimension }
    var outputCount: Int { base.outputCount }

    func evaluate(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        base.evaluate(x, into: y)
        counter?.advance()
    }
}
