// libFuzzer entry point for the coefficient set parser (`CoefficientSet.parse`), built and run
// by `Tests/Fuzz/run.sh coefficients` (not part of the SwiftPM package). Bytes must either
// parse or be rejected with a `GEPError`.

import GEPCore

@_cdecl("LLVMFuzzerTestOneInput")
public func coefficientSetFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? CoefficientSet.parse(Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.json")
    return 0
}
