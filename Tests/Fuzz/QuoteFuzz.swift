// libFuzzer entry point for the compensation quote parser (`QuoteSpec.parse`), built and run by
// `Tests/Fuzz/run.sh quote` (not part of the SwiftPM package). Bytes must either parse or be
// rejected with a `GEPError`; a quote that parses is then computed by `QuoteEngine` against the
// sample county inputs (2023, and 2022 as the previous year), whatever inputs it names, so its
// numbers reach the totals, the rounding and the payers' split.

import GEPAnalysis
import GEPCore

/// The current year's sample county input.
private let current = FuzzContext.countyInput("samples/lianping/lianping-2023.json")
/// The previous year's sample county input, for `gep_increment`.
private let previous = FuzzContext.countyInput("samples/lianping/lianping-2022.json")
/// The effective coefficients of the current input's set.
private let coefficients = FuzzContext.coefficients(current.input.coefficientSet)

@_cdecl("LLVMFuzzerTestOneInput")
public func quoteFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let spec = try? QuoteSpec.parse(bytes, file: "fuzz.json") else { return 0 }
    _ = try? QuoteEngine.quote(spec: spec, quoteFile: "fuzz.json", quoteBytes: bytes,
                               current: QuoteCountyInput(input: current.input, bytes: current.bytes),
                               previous: QuoteCountyInput(input: previous.input, bytes: previous.bytes), coefficients: coefficients)
    return 0
}
