// swift-tools-version:6.0
//
// gep — gross ecosystem product (GEP, 生态产品总值) accounting engine.
// No third-party packages: the toolchain's Foundation, Dispatch and Swift Testing only.

import PackageDescription

let package = Package(
    name: "gep",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GEPCore", targets: ["GEPCore"]),
        .library(name: "GEPServices", targets: ["GEPServices"]),
        .library(name: "GEPReport", targets: ["GEPReport"]),
        .library(name: "GEPRaster", targets: ["GEPRaster"]),
        .library(name: "GEPGrid", targets: ["GEPGrid"]),
        .library(name: "GEPAnalysis", targets: ["GEPAnalysis"]),
        .library(name: "GEPSensitivity", targets: ["GEPSensitivity"]),
        .executable(name: "gep", targets: ["gep"]),
        .executable(name: "gep-bench", targets: ["GEPBench"]),
    ],
    targets: [
        // Units, JSON with source positions, diagnostics, coefficient registry, price index,
        // the service catalogue and the account model.
        .target(name: "GEPCore"),
        // The system zlib, for DEFLATE-compressed TIFFs.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // TIFF/BigTIFF/GeoTIFF and ESRI ASCII grid reading and writing; LZW and DEFLATE codecs.
        .target(name: "GEPRaster", dependencies: ["GEPCore", "CZlib"]),
        // Block streaming over aligned rasters, per-cell kernels, zone accumulators, synthetic grids.
        .target(name: "GEPGrid", dependencies: ["GEPCore", "GEPRaster", "GEPServices"]),
        // One file per ecosystem service: its physical model(s) and valuation.
        .target(name: "GEPServices", dependencies: ["GEPCore"]),
        // Scenarios against a baseline (with quantity and price effects) and ecological-compensation quotes.
        .target(name: "GEPAnalysis", dependencies: ["GEPCore", "GEPServices", "GEPRaster", "GEPGrid", "GEPSensitivity"]),
        // Samplers (random, Sobol'), distributions, tornado, Monte Carlo, Morris and Sobol indices.
        .target(name: "GEPSensitivity", dependencies: ["GEPCore"]),
        // Table, CSV, JSON and Markdown renderers with zh/en labels.
        .target(name: "GEPReport", dependencies: ["GEPCore", "GEPServices", "GEPGrid", "GEPRaster", "GEPAnalysis"]),
        // Argument parsing, commands, exit codes; runs in-process for tests.
        .target(name: "GEPCommandLine", dependencies: ["GEPCore", "GEPServices", "GEPReport", "GEPRaster", "GEPGrid", "GEPAnalysis", "GEPSensitivity"]),
        .executableTarget(name: "gep", dependencies: ["GEPCommandLine"]),
        .executableTarget(
            name: "GEPBench",
            dependencies: ["GEPCore", "GEPServices", "GEPReport", "GEPRaster", "GEPGrid", "GEPAnalysis", "GEPSensitivity"],
            path: "Benchmarks/GEPBench"
        ),
        .testTarget(name: "GEPCoreTests", dependencies: ["GEPCore"]),
        .testTarget(name: "GEPServicesTests", dependencies: ["GEPCore", "GEPServices", "GEPReport"], exclude: ["Fixtures"]),
        .testTarget(name: "GEPCommandLineTests", dependencies: ["GEPCommandLine", "GEPCore"]),
        .testTarget(name: "GEPSensitivityTests", dependencies: ["GEPSensitivity", "GEPCore"]),
        .testTarget(name: "GEPReportTests", dependencies: ["GEPReport", "GEPCore", "GEPServices", "GEPAnalysis", "GEPGrid", "GEPRaster"]),
        .testTarget(name: "GEPAnalysisTests", dependencies: ["GEPAnalysis", "GEPServices", "GEPReport", "GEPCore", "GEPSensitivity"]),
        .testTarget(name: "GEPRasterTests", dependencies: ["GEPRaster", "GEPCore"], exclude: ["Fixtures"]),
        .testTarget(name: "GEPGridTests", dependencies: ["GEPGrid", "GEPRaster", "GEPCore"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
