import GEPCore

extension GEPError {
    /// The error for an option no command declares, suggesting the nearest known long name.
    ///
    /// - Parameters:
    ///   - token: The option as typed, possibly with an `=value` part, which is left out of the message.
    ///   - candidates: The long names (without dashes) that were acceptable here.
    static func unknownOption(_ token: String, candidates: [String]) -> GEPError {
        let spelled = token.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token
        var hint: String?
        if spelled.hasPrefix("--"), let match = EditDistance.nearest(to: String(spelled.dropFirst(2)), in: candidates) {
            hint = "did you mean '--\(match)'?"
        }
        return .usage("Unknown option '\(spelled)'", hint: hint)
    }

    /// The error for a word that names no subcommand, suggesting the nearest subcommand name.
    static func unknownSubcommand(_ word: String, candidates: [String]) -> GEPError {
        let hint = EditDistance.nearest(to: word, in: candidates).map { "did you mean '\($0)'?" }
        return .usage("Unknown subcommand '\(word)'", hint: hint)
    }
}
