// libFuzzer entry point for the grid's CSV tables, built and run by `Tests/Fuzz/run.sh tables`
// (not part of the SwiftPM package): the same bytes go to `CSVTable`, `BiophysicalTable`,
// `CarbonPoolTable` and `LandCoverClasses`, each of which must either parse them or reject them
// with a `GEPError`.

import GEPCore
import GEPGrid

@_cdecl("LLVMFuzzerTestOneInput")
public func tablesFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? CSVTable.parse(bytes, file: "fuzz.csv")
    _ = try? BiophysicalTable.parse(bytes, file: "fuzz.csv")
    _ = try? CarbonPoolTable.parse(bytes, file: "fuzz.csv")
    _ = try? LandCoverClasses.parse(bytes, file: "fuzz.csv")
    return 0
}
