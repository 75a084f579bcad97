import GEPCore

/// The account as aligned text for a terminal.
public enum AccountTable {
    /// Renders the account.
    public static func render(_ account: Account, language: ReportLanguage) -> String {
        let layout = AccountSections(account, language: language)
        var out = layout.heading + "\n" + layout.subheading.joined(separator: "\n") + "\n"
        for section in layout.sections {
            var table = TextTable(headers: section.headers, alignments: section.alignments)
            for row in section.rows { table.add(row) }
            out += "\n" + section.title + "\n" + table.render()
        }
        if !layout.notes.isEmpty {
            out += "\n" + language.pick("说明", "Notes") + "\n" + layout.notes.map { "  - " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
