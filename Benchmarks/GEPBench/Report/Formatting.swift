import Foundation

/// `String(format:)` with C-style arguments.
func fmt(_ format: String, _ arguments: CVarArg...) -> String {
    String(format: format, arguments: arguments)
}

/// `text` padded with spaces (or cut) to `width` characters, left-aligned.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

/// `text` right-aligned in `width` characters.
func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

/// KiB as MiB with one decimal.
func mebibytes(_ kib: Int) -> String { fmt("%.1f", Double(kib) / 1024) }
