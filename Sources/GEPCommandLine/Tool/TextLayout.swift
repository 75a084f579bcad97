/// Line filling for help text: 80 columns, with labels in a 26-column left margin.
enum TextLayout {
    /// The widest a line of help may be.
    static let width = 80
    /// The column where the help text of an option, argument or subcommand starts.
    static let labelColumn = 26

    /// Fills `words` into lines no wider than `width`, separated by single spaces.
    ///
    /// The first line starts with `prefix`; later lines start with `indent` spaces. A word
    /// longer than a line gets a line of its own. Words may contain spaces (usage elements
    /// such as `[--format <format>]` are kept whole).
    static func fill(_ words: [String], prefix: String = "", indent: Int = 0, width: Int = width) -> [String] {
        var lines: [String] = []
        var line = prefix
        var lineHasWord = false
        for word in words {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasWord = false
            }
            line += lineHasWord ? " " + word : word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// Fills running text into lines no wider than `width`, keeping its explicit line breaks
    /// (and so its blank lines between paragraphs).
    static func wrap(_ text: String, prefix: String = "", width: Int = width) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            let words = line.split(separator: " ").map(String.init)
            return fill(words, prefix: index == 0 ? prefix : "", width: width).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// One entry of an ARGUMENTS, OPTIONS or SUBCOMMANDS section: the label indented by two
    /// spaces, then `text` from `labelColumn`, on the next line when the label is too wide.
    static func row(label: String, text: String) -> String {
        let paddedLabel = "  " + label
        guard !text.isEmpty else { return paddedLabel }
        let margin = String(repeating: " ", count: labelColumn)
        let lines = wrap(text, width: width - labelColumn)
            .split(separator: "\n", omittingEmptySubsequences: false)
        if paddedLabel.count < labelColumn {
            let first = paddedLabel + String(repeating: " ", count: labelColumn - paddedLabel.count) + lines[0]
            return ([first] + lines.dropFirst().map { margin + $0 }).joined(separator: "\n")
        }
        return ([paddedLabel] + lines.map { margin + $0 }).joined(separator: "\n")
    }
}
