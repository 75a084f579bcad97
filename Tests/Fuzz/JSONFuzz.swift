// libFuzzer entry point for the JSON reader (`JSONParser`), built and run by
// `Tests/Fuzz/run.sh json` (not part of the SwiftPM package). Bytes must either parse or be
// rejected with a `GEPError`; a parsed document is also converted to a plain `JSON` value.

import GEPCore

@_cdecl("LLVMFuzzerTestOneInput")
public func jsonFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let root = try? JSONParser.parse(bytes, file: "fuzz.json") else { return 0 }
    _ = JSON(root)
    return 0
}
