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
        .executable(name: "gep", targets: ["gep"]),
        .executable(name: "gep-bench", targets: ["GEPBench"]),
    ],
    targets: [
        // Units, JSON with source positions, diagnostics, coefficient registry, price index,
        // the service catalogue and the account model.
        .target(name: "GEPCore"),
        // One file per ecosystem service: its physical model(s) and valuation.
        .target(name: "GEPServices", dependencies: ["GEPCore"]),
        // Table, CSV, JSON and Markdown renderers with zh/en labels.
        .target(name: "GEPReport", dependencies: ["GEPCore", "GEPServices"]),
        // Argument parsing, commands, exit codes; runs in-process for tests.
        .target(name: "GEPCommandLine", dependencies: ["GEPCore", "GEPServices", "GEPReport"]),
        .executableTarget(name: "gep", dependencies: ["GEPCommandLine"]),
        .executableTarget(
            name: "GEPBench",
            dependencies: ["GEPCore", "GEPServices", "GEPReport"],
            path: "Benchmarks/GEPBench"
        ),
        .testTarget(name: "GEPCoreTests", dependencies: ["GEPCore"]),
        .testTarget(name: "GEPServicesTests", dependencies: ["GEPCore", "GEPServices", "GEPReport"], exclude: ["Fixtures"]),
        .testTarget(name: "GEPCommandLineTests", dependencies: ["GEPCommandLine", "GEPCore"]),
    ],
    swiftLanguageModes: [.v6]
)
