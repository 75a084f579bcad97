import Dispatch
import Foundation

/// Runs independent per-row work over contiguous row chunks on all processors.
enum ParallelRows {
    /// Calls `body` once per chunk of rows (about 4 × processors chunks), concurrently. Results
    /// do not depend on the chunking as long as each row's work only writes that row's cells.
    static func forEach(rows: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let chunks = min(rows, 4 * ProcessInfo.processInfo.activeProcessorCount)
        guard chunks > 1 else {
            body(0..<rows)
            return
        }
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            body((rows * chunk / chunks)..<(rows * (chunk + 1) / chunks))
        }
    }
}

/// Row-major grid storage being filled by several threads, each writing its own rows.
struct SharedGrid<Element>: @unchecked Sendable {
    private let pointer: UnsafeMutableBufferPointer<Element>

    subscript(_ index: Int) -> Element {
        get { pointer[index] }
        nonmutating set { pointer[index] = newValue }
    }

    /// Creates `arrays` arrays of `count` elements without zero-filling or copying them:
    /// `fill` must write every element of every array.
    static func makeArrays(_ arrays: Int, count: Int, _ fill: ([SharedGrid<Element>]) -> Void) -> [[Element]] {
        var made: [[Element]] = []
        func nest(_ grids: [SharedGrid<Element>]) {
            guard grids.count < arrays else {
                fill(grids)
                return
            }
            let array = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
                nest(grids + [SharedGrid(pointer: buffer)])
                initialized = count
            }
            made.append(array)
        }
        nest([])
        return made.reversed()
    }
}
