// libFuzzer entry point for the grid input parser (`GridInput.parse`), built and run by
// `Tests/Fuzz/run.sh grid-input` (not part of the SwiftPM package). Bytes must either parse or
// be rejected with a `GEPError`; the parser only resolves the layer paths, it opens no file.

import GEPCore
import GEPGrid

@_cdecl("LLVMFuzzerTestOneInput")
public func gridInputFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? GridInput.parse(Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.json", directory: "fuzz")
    return 0
}
