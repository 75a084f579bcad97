/// Every way a `gep` operation can fail, each mapped to a sysexits(3) exit status.
///
/// Library entry points that read or validate user input throw `GEPError`; per-value
/// arithmetic never throws (it produces NaN, which validation reports).
public enum GEPError: Error, Sendable, CustomStringConvertible {
    /// A bad command-line flag or argument (exit 64, `EX_USAGE`). `hint` suggests a fix.
    case usage(String, hint: String? = nil)
    /// Input data that is malformed or inconsistent (exit 65, `EX_DATAERR`): every problem found.
    case invalidData([Diagnostic])
    /// An input file that does not exist or cannot be opened (exit 66, `EX_NOINPUT`).
    case missingInput(path: String, reason: String)
    /// An output file that cannot be created (exit 73, `EX_CANTCREAT`).
    case cannotCreateOutput(path: String, reason: String)
    /// A read or write that failed part-way (exit 74, `EX_IOERR`).
    case io(path: String, reason: String)

    /// The sysexits(3) status for this error.
    public var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .invalidData: 65
        case .missingInput: 66
        case .cannotCreateOutput: 73
        case .io: 74
        }
    }

    /// The most problems `description` lists; the rest are counted.
    public static let listedProblems = 50

    /// A message for standard error: one line per problem, the first `listedProblems` of
    /// them, then a count of the rest.
    public var description: String {
        switch self {
        case let .usage(message, hint):
            return hint.map { "\(message)\nHelp:  \($0)" } ?? message
        case let .invalidData(diagnostics):
            let count = diagnostics.count
            let header = count == 1 ? "1 problem found:" : "\(count) problems found:"
            var lines = [header] + diagnostics.prefix(Self.listedProblems).map { "  " + $0.description }
            if count > Self.listedProblems {
                let rest = count - Self.listedProblems
                lines.append("  … and \(rest) more problem\(rest == 1 ? "" : "s") (the first \(Self.listedProblems) are listed)")
            }
            return lines.joined(separator: "\n")
        case let .missingInput(path, reason):
            return "cannot open input '\(path)': \(reason)"
        case let .cannotCreateOutput(path, reason):
            return "cannot create output '\(path)': \(reason)"
        case let .io(path, reason):
            return "I/O error on '\(path)': \(reason)"
        }
    }
}
