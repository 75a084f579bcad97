import Foundation
import GEPCore
import GEPServices

/// Paths and loaders shared by the service tests.
enum Fixture {
    /// `Tests/GEPServicesTests/Fixtures`.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    /// The repository root.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Reads a file as bytes.
    static func bytes(_ path: String) throws -> [UInt8] { try InputFile.read(path, relativeTo: "/") }

    /// The fixture county input.
    static func testland() throws -> CountyInput {
        try CountyInput.parse(bytes(directory + "/testland-2022.json"), file: "testland-2022.json")
    }

    /// The fixture coefficient library.
    static func library() throws -> CoefficientLibrary { try CoefficientLibrary.load(directory: directory + "/coefficients") }

    /// The fixture's effective coefficients (base → county), with optional overrides.
    static func coefficients(_ overrides: [(id: String, value: Double)] = []) throws -> EffectiveCoefficients {
        try EffectiveCoefficients.resolve(library: library(), setID: "county", overrides: overrides)
    }

    /// The fixture account.
    static func account(_ overrides: [(id: String, value: Double)] = [], basis: PriceBasis? = nil) throws -> Account {
        try AccountBuilder.build(input: testland(), coefficients: coefficients(overrides), priceBasis: basis)
    }

    /// A county input parsed from text after editing the fixture's JSON with `edit`.
    static func testland(editing edit: (inout [String: Any]) -> Void) throws -> CountyInput {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/testland-2022.json"))
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        edit(&object)
        let edited = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try CountyInput.parse(Array(edited), file: "edited.json")
    }
}

extension Account {
    /// The value of one service, CNY.
    func value(of id: ServiceID) -> Double { services.first { $0.id == id }!.value }
    /// One service's account.
    func service(_ id: ServiceID) -> ServiceAccount { services.first { $0.id == id }! }
}

/// Relative closeness for hand-computed expectations.
func close(_ a: Double, _ b: Double, relative: Double = 1e-12) -> Bool {
    abs(a - b) <= relative * max(abs(a), abs(b), 1e-300)
}
