/// Encoder for TIFF's LZW flavour (Compression 5), producing streams that libtiff, GDAL
/// and `LZWDecoder` read: a ClearCode first, codes most significant bit first, the width
/// growing one code early, a ClearCode whenever the table reaches code 4093, and
/// EndOfInformation last (written at the width the decoder will be using by then).
enum LZWEncoder {
    /// Slots in the open-addressing table of (prefix code, next byte) → code.
    private static let tableSize = 1 << 13

    /// Encodes `input`.
    ///
    /// - Complexity: O(`input.count`).
    static func encode(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        let count = input.count
        // At most one code per input byte, a ClearCode per 3836 codes, plus the first
        // ClearCode, the EndOfInformation and a partial byte; 12 bits per code at most.
        let worstCase = (count + count / 3836 + 4) * 3 / 2 + 8
        return [UInt8](unsafeUninitializedCapacity: worstCase) { buffer, initialized in
            initialized = encode(input, into: buffer.baseAddress!)
        }
    }

    /// Encodes `input` into `output`, which has room for the worst case; returns the size.
    private static func encode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutablePointer<UInt8>) -> Int {
        let keys = UnsafeMutablePointer<Int32>.allocate(capacity: tableSize)
        let codes = UnsafeMutablePointer<UInt16>.allocate(capacity: tableSize)
        defer {
            keys.deallocate()
            codes.deallocate()
        }
        keys.update(repeating: -1, count: tableSize)
        var bitBuffer: UInt64 = 0
        var bitCount = 0
        var written = 0
        var width = 9
        var nextCode = 258

        @inline(__always) func put(_ code: Int) {
            bitBuffer = bitBuffer << UInt64(width) | UInt64(code)
            bitCount += width
            while bitCount >= 8 {
                bitCount -= 8
                output[written] = UInt8(truncatingIfNeeded: bitBuffer >> UInt64(bitCount))
                written += 1
            }
        }

        put(256)
        guard let bytes = input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count > 0 else {
            put(257)
            if bitCount > 0 { output[written] = UInt8(truncatingIfNeeded: bitBuffer << UInt64(8 - bitCount)); written += 1 }
            return written
        }
        var prefix = Int(bytes[0])
        let mask = tableSize - 1
        for index in 1..<input.count {
            let byte = Int(bytes[index])
            let key = Int32(truncatingIfNeeded: prefix << 8 | byte)
            var slot = (prefix &* 0x9E37 ^ byte &* 0x2F1) & mask
            var found = -1
            while keys[slot] != -1 {
                if keys[slot] == key {
                    found = Int(codes[slot])
                    break
                }
                slot = (slot + 1) & mask
            }
            if found >= 0 {
                prefix = found
                continue
            }
            put(prefix)
            keys[slot] = key
            codes[slot] = UInt16(truncatingIfNeeded: nextCode)
            nextCode += 1
            prefix = byte
            if nextCode == 4094 {
                put(256)
                keys.update(repeating: -1, count: tableSize)
                nextCode = 258
                width = 9
            } else if nextCode > (1 << width) - 1 {
                width += 1
            }
        }
        put(prefix)
        // The decoder adds one more table entry on reading the last code, which may widen
        // the code it reads next.
        if nextCode + 1 > (1 << width) - 1 && width < 12 { width += 1 }
        put(257)
        if bitCount > 0 {
            output[written] = UInt8(truncatingIfNeeded: bitBuffer << UInt64(8 - bitCount))
            written += 1
        }
        return written
    }
}
