// libFuzzer entry point for the JSON reader (`JSONParser`), built and run by
// `Tests/Fuzz/run.sh json` (not part of the SwiftPM package). Bytes must either parse or be
// rejected with a `GEPError`. A document that parses must also survive the writer: its value,
// written by `JSONWriter` (pretty and compact), parses back to an equal value.

import GEPCore

@_cdecl("LLVMFuzzerTestOneInput")
public func jsonFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let root = try? JSONParser.parse(bytes, file: "fuzz.json") else { return 0 }
    let value = JSON(root)
    for pretty in [true, false] {
        let text = JSONWriter.string(value, pretty: pretty)
        guard let reread = try? JSONParser.parse(text, file: "rewritten.json") else {
            preconditionFailure("JSONWriter wrote text JSONParser rejects: \(text)")
        }
        precondition(JSON(reread) == value, "JSONWriter's text reads back as a different value: \(text)")
    }
    return 0
}
