// libFuzzer entry point for the scenario parser (`Scenario.parse`), built and run by
// `Tests/Fuzz/run.sh scenario` (not part of the SwiftPM package). Bytes must either parse or be
// rejected with a `GEPError`; the parser only resolves the baseline and raster paths.

import GEPAnalysis
import GEPCore

@_cdecl("LLVMFuzzerTestOneInput")
public func scenarioFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? Scenario.parse(Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.json", directory: "fuzz")
    return 0
}
