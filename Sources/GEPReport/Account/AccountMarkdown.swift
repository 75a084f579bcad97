import GEPCore

/// The account as Markdown tables.
public enum AccountMarkdown {
    /// Renders the account.
    public static func render(_ account: Account, language: ReportLanguage) -> String {
        let layout = AccountSections(account, language: language)
        var out = "# " + layout.heading + "\n\n" + layout.subheading.map { "- " + $0 }.joined(separator: "\n") + "\n"
        for section in layout.sections {
            out += "\n## " + section.title + "\n\n"
            out += MarkdownTable.render(headers: section.headers, alignments: section.alignments, rows: section.rows)
        }
        if !layout.notes.isEmpty {
            out += "\n## " + language.pick("说明", "Notes") + "\n\n" + layout.notes.map { "- " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }
}

/// A GitHub-flavoured Markdown table.
enum MarkdownTable {
    static func render(headers: [String], alignments: [TextTable.Alignment], rows: [[String]]) -> String {
        func escape(_ cell: String) -> String { cell.trimmingLeadingSpaces().replacingPipes() }
        var out = "| " + headers.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + alignments.map { $0 == .left ? " --- |" : " ---: |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }
}

private extension String {
    func trimmingLeadingSpaces() -> String {
        let indent = prefix { $0 == " " }.count
        return indent == 0 ? self : String(repeating: "\u{00A0}", count: indent) + dropFirst(indent)
    }
    func replacingPipes() -> String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
