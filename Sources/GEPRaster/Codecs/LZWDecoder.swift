/// Decoder for TIFF's LZW flavour (Compression 5) as libtiff and GDAL write it: codes are
/// packed most significant bit first, 9 to 12 bits wide, ClearCode 256, EndOfInformation
/// 257, first free code 258, and the code width grows one code early ("early change": 10
/// bits once code 511 is next, 11 at 1023, 12 at 2047).
///
/// Every string in the table is a copy of bytes already in the workspace: the 256 one-byte
/// literals written just before the output, or earlier output. So the table holds only an
/// offset and a length per code, packed in one 4096-entry array; there is no per-code
/// storage, every code takes the same path, and strings are copied eight bytes at a time.
enum LZWDecoder {
    /// Bytes reserved at the start of a workspace, before the output, for the literals.
    static let literalBytes = 256

    /// Decodes `input` into `workspace[literalBytes...]`, stopping at EndOfInformation, at
    /// the end of the input, or when the workspace is full (bytes beyond it are ignored, as
    /// libtiff does). The first `literalBytes` bytes of the workspace are overwritten.
    ///
    /// - Returns: The number of bytes written after the literals.
    /// - Throws: `CodecError` for a code that refers to no string.
    /// - Complexity: O(`input.count` + output size).
    static func decode(_ input: UnsafeRawBufferPointer, into workspace: UnsafeMutableRawBufferPointer) throws(CodecError) -> Int {
        guard let source = input.baseAddress?.assumingMemoryBound(to: UInt8.self),
              let target = workspace.baseAddress?.assumingMemoryBound(to: UInt8.self), workspace.count > literalBytes else { return 0 }
        let inputCount = input.count, capacity = workspace.count
        // Entry for a code: workspace offset << 16 | length (at most 4095); length 0 marks
        // ClearCode and EndOfInformation.
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 4096)
        defer { table.deallocate() }
        for byte in 0..<256 {
            target[byte] = UInt8(truncatingIfNeeded: byte)
            table[byte] = UInt64(byte) << 16 | 1
        }
        table[256] = 0
        table[257] = 0
        var bitBuffer: UInt64 = 0
        var bitCount = 0
        var inputPosition = 0
        var width = 9
        var nextCode = 258
        var position = literalBytes
        // The previous string, as an offset and length in the workspace; length 0 means
        // none (start of data or just after ClearCode).
        var previousStart = 0
        var previousLength = 0
        while true {
            if bitCount < width {
                if inputPosition + 4 <= inputCount {
                    let word = UInt32(bigEndian: UnsafeRawPointer(source + inputPosition).loadUnaligned(as: UInt32.self))
                    bitBuffer = bitBuffer << 32 | UInt64(word)
                    bitCount += 32
                    inputPosition += 4
                } else {
                    while bitCount < width && inputPosition < inputCount {
                        bitBuffer = bitBuffer << 8 | UInt64(source[inputPosition])
                        bitCount += 8
                        inputPosition += 1
                    }
                    if bitCount < width { break }
                }
            }
            bitCount -= width
            let code = Int(truncatingIfNeeded: bitBuffer >> UInt64(bitCount)) & ((1 << width) - 1)
            var start: Int, length: Int
            if code < nextCode {
                let entry = table[code]
                start = Int(truncatingIfNeeded: entry >> 16)
                length = Int(truncatingIfNeeded: entry & 0xFFFF)
                if length == 0 {
                    if code == 257 { break }
                    width = 9
                    nextCode = 258
                    previousLength = 0
                    continue
                }
            } else if code == nextCode && previousLength > 0 {
                // The string being defined: the previous string plus its own first byte.
                start = previousStart
                length = previousLength + 1
            } else {
                throw CodecError(message: "LZW code \(code) out of range (next free code \(previousLength > 0 ? nextCode : 258))")
            }
            if position - start >= 8 && position + length + 8 <= capacity {
                // Eight bytes at a time; bytes past the string are overwritten later.
                var offset = 0
                repeat {
                    let chunk = UnsafeRawPointer(target + start + offset).loadUnaligned(as: UInt64.self)
                    UnsafeMutableRawPointer(target + position + offset).storeBytes(of: chunk, as: UInt64.self)
                    offset += 8
                } while offset < length
            } else {
                // Byte by byte: for the KwKwK case the last byte read is the first written.
                let copied = min(length, capacity - position)
                for index in 0..<copied {
                    target[position + index] = target[start + index]
                }
                if copied < length { return capacity - literalBytes }
            }
            if previousLength > 0 && nextCode < 4096 {
                table[nextCode] = UInt64(previousStart) << 16 | UInt64(previousLength + 1)
                nextCode += 1
                if nextCode >= (1 << width) - 1 && width < 12 { width += 1 }
            }
            previousStart = position
            previousLength = length
            position += length
        }
        return position - literalBytes
    }
}
