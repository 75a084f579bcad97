extension GEPError {
    /// This error with the input file that named the path it failed on: a file that cannot be
    /// found, opened or read reports `named at PATH in FILE`, so the user knows which entry of
    /// which input to fix. Other errors are returned as they are.
    public func named(at path: String, in file: String) -> GEPError {
        switch self {
        case let .missingInput(failed, reason): .missingInput(path: failed, reason: "\(reason) (named at \(path) in \(file))")
        case let .io(failed, reason): .io(path: failed, reason: "\(reason) (named at \(path) in \(file))")
        default: self
        }
    }

    /// Runs `body`, which reads a file that `file` names at `path`, naming both in a failure
    /// to find or read it (`named(at:in:)`).
    public static func reading<T>(namedAt path: String, in file: String, _ body: () throws(GEPError) -> T) throws(GEPError) -> T {
        do {
            return try body()
        } catch {
            throw error.named(at: path, in: file)
        }
    }
}
