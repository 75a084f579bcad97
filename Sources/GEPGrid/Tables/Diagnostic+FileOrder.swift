import GEPCore

extension [Diagnostic] {
    /// The diagnostics sorted by line (those without a line first), keeping the order of
    /// diagnostics on the same line.
    func inFileOrder() -> [Diagnostic] {
        enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
    }
}
