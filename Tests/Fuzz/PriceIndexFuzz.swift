// libFuzzer entry point for the price-index parser (`PriceIndex.parse`), built and run by
// `Tests/Fuzz/run.sh price-index` (not part of the SwiftPM package). Bytes must either parse or
// be rejected with a `GEPError`.

import GEPCore

@_cdecl("LLVMFuzzerTestOneInput")
public func priceIndexFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? PriceIndex.parse(Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.json")
    return 0
}
