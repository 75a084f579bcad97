/// A cell type that `SampleConversion` writes: `Float` for `read(rows:into:)` (integers
/// beyond ±2^24 and Float64 values rounded to nearest), `Double` for
/// `readDoubles(rows:into:)` (every stored type exact). The requirements are the standard
/// library's concrete conversions, so the specialised loops stay plain casts.
protocol ConvertedSample: BitwiseCopyable {
    /// Converts an unsigned byte.
    init(_ value: UInt8)
    /// Converts a signed byte.
    init(_ value: Int8)
    /// Converts an unsigned 16-bit integer.
    init(_ value: UInt16)
    /// Converts a signed 16-bit integer.
    init(_ value: Int16)
    /// Converts an unsigned 32-bit integer.
    init(_ value: UInt32)
    /// Converts a signed 32-bit integer.
    init(_ value: Int32)
    /// Converts a 32-bit float.
    init(_ value: Float)
    /// Converts a 64-bit float.
    init(_ value: Double)
}

extension Float: ConvertedSample {}
extension Double: ConvertedSample {}
