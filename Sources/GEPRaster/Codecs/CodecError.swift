/// Why a block could not be decoded; the caller adds the file and block to the message.
struct CodecError: Error, Sendable {
    /// What was wrong, such as "LZW code 4103 out of range (next free code 1200)".
    let message: String
}
