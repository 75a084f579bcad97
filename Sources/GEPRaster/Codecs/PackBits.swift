/// PackBits, TIFF 6.0 compression 32773 (section 9): a byte-oriented run-length code.
///
/// The stream is a sequence of runs, each opened by a header byte n read as a signed integer:
/// 0 … 127 copies the next n + 1 bytes literally; −127 … −1 repeats the next byte 1 − n times;
/// −128 is a no-op. TIFF 6.0 has the writer pack each row of a block separately; the decoder
/// needs no row boundaries and, like libtiff, reads runs until the block is full.
enum PackBits {
    /// The most bytes one stored byte can decode to (a two-byte replicate run of 128 bytes).
    static let maximumExpansion = 64

    /// Decodes `input` into `output`, which must be exactly the decoded block's size.
    ///
    /// - Returns: The bytes produced: `output.count`, or fewer when the input ends first.
    /// - Throws: A `CodecError` when a run would go past the end of the block or a literal
    ///   run past the end of the input.
    static func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(CodecError) -> Int {
        guard let source = input.baseAddress, let target = output.baseAddress else { return 0 }
        let inputCount = input.count, capacity = output.count
        var read = 0, written = 0
        while written < capacity && read < inputCount {
            let header = Int(Int8(bitPattern: source.load(fromByteOffset: read, as: UInt8.self)))
            read += 1
            if header >= 0 {
                let length = header + 1
                guard read + length <= inputCount else {
                    throw CodecError(message: "PackBits literal run of \(length) bytes at byte \(read - 1) goes past the end of the data (\(inputCount) bytes)")
                }
                guard written + length <= capacity else {
                    throw CodecError(message: "PackBits literal run of \(length) bytes at byte \(read - 1) goes past the end of the block (\(capacity) bytes)")
                }
                (target + written).copyMemory(from: source + read, byteCount: length)
                read += length
                written += length
            } else if header != -128 {
                let length = 1 - header
                guard read < inputCount else {
                    throw CodecError(message: "PackBits replicate run at byte \(read - 1) has no byte to repeat (the data ends)")
                }
                guard written + length <= capacity else {
                    throw CodecError(message: "PackBits replicate run of \(length) bytes at byte \(read - 1) goes past the end of the block (\(capacity) bytes)")
                }
                (target + written).initializeMemory(as: UInt8.self, repeating: source.load(fromByteOffset: read, as: UInt8.self), count: length)
                read += 1
                written += length
            }
        }
        return written
    }

    /// Encodes `input` row by row (`rowBytes` bytes each; the last row may be shorter), each
    /// row packed on its own as TIFF 6.0 asks: runs of 3 or more equal bytes (up to 128) as
    /// replicate runs, everything else as literal runs of up to 128 bytes.
    static func encode(_ input: UnsafeRawBufferPointer, rowBytes: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(worstCaseSize(byteCount: input.count, rowBytes: rowBytes))
        let bytes = input.bindMemory(to: UInt8.self)
        var rowStart = 0
        while rowStart < bytes.count {
            let rowEnd = min(bytes.count, rowStart + max(1, rowBytes))
            var index = rowStart, literalStart = rowStart
            func flushLiterals(upTo end: Int) {
                var start = literalStart
                while start < end {
                    let length = min(128, end - start)
                    output.append(UInt8(length - 1))
                    output.append(contentsOf: bytes[start..<(start + length)])
                    start += length
                }
            }
            while index < rowEnd {
                var run = 1
                while index + run < rowEnd && run < 128 && bytes[index + run] == bytes[index] { run += 1 }
                if run >= 3 {
                    flushLiterals(upTo: index)
                    output.append(UInt8(bitPattern: Int8(1 - run)))
                    output.append(bytes[index])
                    index += run
                    literalStart = index
                } else {
                    index += run
                }
            }
            flushLiterals(upTo: rowEnd)
            rowStart = rowEnd
        }
        return output
    }

    /// The most bytes `encode` writes for `byteCount` bytes in rows of `rowBytes`: one header
    /// per 128 literal bytes of each row, plus the bytes.
    static func worstCaseSize(byteCount: Int, rowBytes: Int) -> Int {
        let row = max(1, rowBytes), rows = (byteCount + row - 1) / row
        return byteCount + rows * ((row + 127) / 128)
    }
}
