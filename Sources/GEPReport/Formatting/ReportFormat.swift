/// Output formats of the report commands.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal, money in 万元 with the total also in 亿元.
    case table
    /// Stable, sorted JSON with raw numbers in base units (CNY, m³, t …).
    case json
    /// RFC 4180 CSV with a header, `.` decimals and no thousands separators.
    case csv
    /// GitHub-flavoured Markdown tables, for reports and READMEs.
    case markdown
}

/// The language of labels in table and Markdown output (JSON and CSV carry both names).
public enum ReportLanguage: String, CaseIterable, Sendable {
    /// Chinese labels.
    case zh
    /// English labels.
    case en

    /// `zh` or `en` text.
    func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}
