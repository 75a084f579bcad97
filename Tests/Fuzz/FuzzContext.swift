// Context shared by the parser fuzz targets that need one (not part of the SwiftPM package):
// the repository's own `coefficients/` library and sample county inputs, read once at start-up
// by the library's own loaders from `$GEP_FUZZ_ROOT`, which `Tests/Fuzz/run.sh` sets.

import Foundation
import GEPCore

/// The real context a parser needs, loaded once per fuzzing process.
enum FuzzContext {
    /// The repository root.
    static let root: String = {
        guard let root = ProcessInfo.processInfo.environment["GEP_FUZZ_ROOT"], !root.isEmpty else {
            fatalError("GEP_FUZZ_ROOT is not set: run the fuzz targets through Tests/Fuzz/run.sh")
        }
        return root
    }()

    /// The repository's coefficient library, read by `CoefficientLibrary.load`.
    static let library: CoefficientLibrary = loaded { () throws(GEPError) in
        try CoefficientLibrary.load(directory: root + "/coefficients")
    }

    /// The effective coefficients of the library set `setID`.
    static func coefficients(_ setID: String) -> EffectiveCoefficients {
        loaded { () throws(GEPError) in try EffectiveCoefficients.resolve(library: library, setID: setID) }
    }

    /// A county input of the repository (`path` relative to the root), parsed, with its bytes.
    static func countyInput(_ path: String) -> (input: CountyInput, bytes: [UInt8]) {
        loaded { () throws(GEPError) in
            let bytes = try InputFile.read(path, relativeTo: root)
            return (try CountyInput.parse(bytes, file: path), bytes)
        }
    }

    /// The value `load` returns; stops the process when the repository's own files do not load.
    private static func loaded<Value>(_ load: () throws(GEPError) -> Value) -> Value {
        do {
            return try load()
        } catch {
            fatalError("fuzz context did not load: \(error)")
        }
    }
}
