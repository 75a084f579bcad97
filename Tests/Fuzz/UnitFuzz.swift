// libFuzzer entry point for the unit parser (`PhysicalUnit(parsing:)`), which every quantity's
// "unit" string goes through; built and run by `Tests/Fuzz/run.sh unit` (not part of the
// SwiftPM package). Text must either parse or be rejected with a `UnitError`.

import GEPCore

@_cdecl("LLVMFuzzerTestOneInput")
public func unitFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? PhysicalUnit(parsing: text)
    return 0
}
