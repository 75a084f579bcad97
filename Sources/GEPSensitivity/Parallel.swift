import Dispatch

/// A raw pointer that may be captured by concurrent closures writing disjoint ranges.
struct SharedPointer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}

/// Runs `body(chunk)` for `chunk` in 0..<chunks on up to `threads` threads
/// (`DispatchQueue.concurrentPerform`); serial when `threads ≤ 1`.
/// Callers make each chunk write disjoint memory, so results never depend on `threads`.
func parallelFor(chunks: Int, threads: Int, _ body: (Int) -> Void) {
    if threads <= 1 || chunks <= 1 {
        for c in 0..<chunks { body(c) }
        return
    }
    let workers = min(threads, chunks)
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let run = body
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var c = w
            while c < chunks { run(c); c += workers }
        }
    }
}
