// libFuzzer entry point for the sensitivity-parameter parser (`SensitivityParameters.parse`),
// built and run by `Tests/Fuzz/run.sh sensitivity` (not part of the SwiftPM package). The
// parameters are read against the real context the `sensitivity` command gives them: the
// effective coefficients of the sample county's set and the sample county input (for method
// switches and `input:` quantities). Bytes must either parse or be rejected with a `GEPError`.

import GEPAnalysis
import GEPCore

/// The sample county input the parameters are read against.
private let county = FuzzContext.countyInput("samples/lianping/lianping-2023.json")
/// The effective coefficients of its set.
private let coefficients = FuzzContext.coefficients(county.input.coefficientSet)

@_cdecl("LLVMFuzzerTestOneInput")
public func sensitivityParametersFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? SensitivityParameters.parse(bytes, file: "fuzz.json", coefficients: coefficients)
    _ = try? SensitivityParameters.parse(bytes, file: "fuzz.json", coefficients: coefficients, input: county.input, inputBytes: county.bytes)
    return 0
}
