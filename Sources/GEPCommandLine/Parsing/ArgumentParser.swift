import GEPCore

/// What a command line asks of a command.
enum ParseOutcome {
    /// `-h` or `--help` was given: show the command's help.
    case help
    /// Run the command with these validated arguments.
    case run(ParsedArguments)
}

/// Matches the words of a command line against a `CommandSpec`.
struct ArgumentParser {
    /// The command whose options and arguments are accepted.
    let spec: CommandSpec

    /// Whether a word asks for help.
    static func isHelp(_ word: String) -> Bool {
        word == "-h" || word == "--help"
    }

    /// Parses the words after the command's name.
    ///
    /// `-h`/`--help` before a `--` wins over every error. Otherwise every option is checked
    /// against the spec, and the positionals against the declared arguments.
    func parse(_ words: [String]) throws(GEPError) -> ParseOutcome {
        if words.prefix(while: { $0 != "--" }).contains(where: Self.isHelp) {
            return .help
        }
        var values: [String: [String]] = [:]
        var flags: Set<String> = []
        var positionals: [String] = []
        var remaining = words[...]
        while let word = remaining.popFirst() {
            if word == "--" {
                positionals += remaining
                break
            }
            guard word.hasPrefix("-"), word.count > 1 else {
                positionals.append(word)
                continue
            }
            let (option, inlineValue) = try resolve(word)
            let spelled = "--\(option.name)"
            if option.isFlag {
                guard inlineValue == nil else {
                    throw .usage("Flag '\(spelled)' does not take a value")
                }
                guard option.repeatable || !flags.contains(option.name) else {
                    throw .usage("Option '\(spelled)' was given more than once")
                }
                flags.insert(option.name)
                continue
            }
            guard option.repeatable || values[option.name] == nil else {
                throw .usage("Option '\(spelled)' was given more than once")
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if let next = remaining.first, !isKnownOption(next) {
                value = next
                remaining.removeFirst()
            } else {
                throw .usage("Missing value for '\(spelled)'")
            }
            if let allowed = option.allowedValues, !allowed.contains(value) {
                throw .usage(
                    "Invalid value '\(value)' for '\(spelled)'",
                    hint: "expected one of: \(allowed.joined(separator: ", "))"
                )
            }
            values[option.name, default: []].append(value)
        }
        try checkCount(of: positionals)
        let missing = spec.options.filter { $0.isRequired && values[$0.name] == nil }
        if !missing.isEmpty {
            throw .usage("Missing \(missing.map { "'--\($0.name)'" }.joined(separator: ", "))",
                         hint: "required: \(spec.options.filter(\.isRequired).map { "--" + $0.name }.joined(separator: ", "))")
        }
        return .run(ParsedArguments(values: values, flags: flags, positionals: positionals))
    }

    /// The option an option-like word names, and the value written after `=` in `--name=value`.
    private func resolve(_ word: String) throws(GEPError) -> (OptionSpec, String?) {
        if word.hasPrefix("--") {
            let parts = word.dropFirst(2).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            if let option = spec.options.first(where: { $0.name == name }) {
                return (option, parts.count > 1 ? String(parts[1]) : nil)
            }
        } else if word.count == 2, let option = spec.options.first(where: { $0.short == word.last }) {
            return (option, nil)
        }
        throw .unknownOption(word, candidates: spec.options.map(\.name) + ["help"])
    }

    /// Whether a word would be taken as one of this command's options (or `--`), so that it
    /// cannot be the value of the option before it.
    private func isKnownOption(_ word: String) -> Bool {
        if word == "--" { return true }
        if word.hasPrefix("--") {
            let name = word.dropFirst(2).prefix(while: { $0 != "=" })
            return spec.options.contains { $0.name == name }
        }
        return word.count == 2 && word.hasPrefix("-") && spec.options.contains { $0.short == word.last }
    }

    /// Checks that the positionals fill every required argument and overflow none.
    private func checkCount(of positionals: [String]) throws(GEPError) {
        let required = spec.arguments.filter { !$0.optional }
        if positionals.count < required.count {
            throw .usage("Missing expected argument '<\(required[positionals.count].name)>'")
        }
        if !spec.arguments.contains(where: \.repeating), positionals.count > spec.arguments.count {
            throw .usage("Unexpected argument '\(positionals[spec.arguments.count])'")
        }
    }
}
