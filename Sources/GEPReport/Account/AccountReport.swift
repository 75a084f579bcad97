import GEPCore

/// Renders an account in any report format.
public enum AccountReport {
    /// The account as text in `format`; `language` applies to table and Markdown.
    public static func render(_ account: Account, format: ReportFormat, language: ReportLanguage) -> String {
        switch format {
        case .table: AccountTable.render(account, language: language)
        case .json: AccountJSON.render(account)
        case .csv: AccountCSV.render(account)
        case .markdown: AccountMarkdown.render(account, language: language)
        }
    }
}
