// libFuzzer entry point for the county input parser (`CountyInput.parse`), built and run by
// `Tests/Fuzz/run.sh county` (not part of the SwiftPM package). Bytes must either parse or be
// rejected with a `GEPError`.

import GEPCore

@_cdecl("LLVMFuzzerTestOneInput")
public func countyInputFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? CountyInput.parse(Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.json")
    return 0
}
