import CZlib

/// DEFLATE (TIFF Compression 8, and the older 32946) through the system zlib: the data is
/// a zlib stream (RFC 1950 header, RFC 1951 body, Adler-32 trailer).
enum Deflate {
    /// Inflates `input` into `output` and checks the stream to its end.
    ///
    /// The whole zlib stream is verified: inflation continues past a full `output` (the extra
    /// decoded bytes are discarded, as libtiff ignores them) up to the end of the stream, so
    /// its Adler-32 check is compared and a corrupt block is never taken as good data.
    ///
    /// - Returns: The number of bytes written to `output`.
    /// - Throws: `CodecError` for corrupt data (including a failed Adler-32 check) or a stream
    ///   that ends before its check value.
    static func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(CodecError) -> Int {
        guard let inputBase = input.baseAddress, let outputBase = output.baseAddress, output.count > 0 else { return 0 }
        guard input.count <= Int(UInt32.max), output.count <= Int(UInt32.max) else {
            throw CodecError(message: "DEFLATE block too large for zlib")
        }
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CodecError(message: "zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: inputBase.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(output.count)
        var status = inflate(&stream, Z_FINISH)
        let produced = output.count - Int(stream.avail_out)
        if status == Z_BUF_ERROR || status == Z_OK, stream.avail_out == 0, stream.avail_in > 0 {
            status = discardToEnd(&stream)
        }
        switch status {
        case Z_STREAM_END:
            return produced
        case Z_BUF_ERROR, Z_OK:
            throw CodecError(message: stream.avail_out == 0
                ? "DEFLATE data ends before its Adler-32 check value (truncated stream)"
                : "DEFLATE data ends after \(produced) decoded bytes")
        default:
            let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw CodecError(message: "corrupt DEFLATE data (\(reason)) after \(produced) decoded bytes")
        }
    }

    /// Inflates the rest of `stream` into a scratch buffer that is thrown away, to reach the
    /// end of the stream and its check value. Returns zlib's last status.
    private static func discardToEnd(_ stream: inout z_stream) -> Int32 {
        var scratch = [Bytef](repeating: 0, count: 16 * 1024)
        return scratch.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var status = Z_OK
            repeat {
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                status = inflate(&stream, Z_FINISH)
            } while (status == Z_OK || status == Z_BUF_ERROR) && stream.avail_out == 0
            return status
        }
    }

    /// Compresses `input` as one zlib stream at `level` (1 fastest … 9 smallest; 6 is
    /// zlib's and GDAL's default).
    static func encode(_ input: UnsafeRawBufferPointer, level: Int) -> [UInt8] {
        let bound = Int(compressBound(uLong(input.count)))
        return [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
            var length = uLongf(bound)
            let source = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
            let status = compress2(buffer.baseAddress, &length, source, uLong(input.count), Int32(level))
            // compressBound guarantees room, and the level is validated by the caller.
            precondition(status == Z_OK, "compress2 failed with status \(status)")
            initialized = Int(length)
        }
    }
}
