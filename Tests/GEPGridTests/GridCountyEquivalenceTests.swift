import Foundation
import Testing
import GEPCore
import GEPRaster
import GEPServices
@testable import GEPGrid

/// The county account is the aggregated grid: a grid made from the county input, every cell
/// of a type carrying that type's figures and the climate uniform, gives the county account
/// service by service.
@Suite struct GridCountyEquivalenceTests {
    /// The sample county input with every figure a layer will carry rounded to Float (layers
    /// are Float32), written to `directory`; returns the figures by key (climate) and by
    /// type (`ecosystems.<type>.<key>`, forest-stock increment density per ha).
    static func floatExactCounty(in directory: String, coolingET: Double?) throws -> (climate: [String: Double], types: [String: [String: Double]], increment: [String: Double]) {
        let path = GridAccountTests.repository + "/samples/lianping/lianping-2023.json"
        var root = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        func rounded(_ value: Double) -> Double { Double(Float(value)) }
        var climate = try #require(root["climate"] as? [String: [String: Any]])
        var climateValues: [String: Double] = [:]
        for (key, var field) in climate {
            let value = rounded(try #require(field["value"] as? Double))
            field["value"] = value
            climate[key] = field
            climateValues[key] = value
        }
        root["climate"] = climate
        var ecosystems = try #require(root["ecosystems"] as? [String: [String: [String: Any]]])
        var typeValues: [String: [String: Double]] = [:]
        for (type, var fields) in ecosystems {
            for key in ["slope_length_factor", "evapotranspiration"] {
                guard var field = fields[key], let value = field["value"] as? Double else { continue }
                field["value"] = rounded(value)
                fields[key] = field
                typeValues[type, default: [:]][key] = rounded(value)
            }
            typeValues[type, default: [:]]["area"] = try #require(fields["area"]?["value"] as? Double)
            if let coolingET { fields["cooling_evapotranspiration"] = ["value": coolingET, "unit": "mm", "source": "test"] }
            ecosystems[type] = fields
        }
        root["ecosystems"] = ecosystems
        // the increment as a density a Float layer holds exactly, times the type's area
        var stock = try #require(root["forest_stock"] as? [String: [String: [String: Any]]])
        var densities: [String: Double] = [:]
        for (type, var fields) in stock {
            let area = try #require(typeValues[type]?["area"])
            let density = rounded(try #require(fields["annual_increment"]?["value"] as? Double) / area)
            fields["annual_increment"]?["value"] = density * area
            stock[type] = fields
            densities[type] = density
        }
        root["forest_stock"] = stock
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: directory + "/county.json"))
        return (climateValues, typeValues, densities)
    }

    /// With and without a measured cooling-period ET (transpiration cooling by T·A·ρ·λ/r, a
    /// layer on the grid, an input per type on the county).
    @Test(arguments: [nil, 150.0] as [Double?])
    func gridOfTheCountyInputIsTheCountyAccount(coolingET: Double?) throws {
        let directory = NSTemporaryDirectory() + "gep-equivalence-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (climate, types, increments) = try Self.floatExactCounty(in: directory, coolingET: coolingET)
        // 200 m cells (4 ha): every type's county area is a whole number of cells
        let cellHectares = 4.0
        let order = EcosystemType.allCases.filter { types[$0.id] != nil }
        var classes: [Int: EcosystemType] = [:]
        var lulc: [Float] = [], ls: [Float] = [], start: [Float] = [], end: [Float] = []
        for (index, type) in order.enumerated() {
            let cells = try #require(types[type.id]?["area"]) / cellHectares
            #expect(cells == cells.rounded(), "\(type.id)")
            classes[index + 1] = type
            for _ in 0..<Int(cells) {
                lulc.append(Float(index + 1))
                ls.append(Float(types[type.id]?["slope_length_factor"] ?? 0))
                start.append(0)
                end.append(Float(increments[type.id] ?? 0))
            }
        }
        let width = 300
        let height = (lulc.count + width - 1) / width
        let padding = width * height - lulc.count
        lulc += Array(repeating: -1, count: padding)
        let geometry = GridGeometry(width: width, height: height, originX: 0, originY: Double(height) * 200, cellWidth: 200, cellHeight: 200, epsg: 32650)
        func band(_ name: String, _ values: [Float]) -> InMemoryBand {
            InMemoryBand(name: name, geometry: geometry, dataType: .float32, nodata: -1, values: values + Array(repeating: 0, count: width * height - values.count),
                         blockHeight: 16)
        }
        func uniform(_ name: String, _ key: String) throws -> InMemoryBand { band(name, Array(repeating: Float(try #require(climate[key])), count: width * height)) }
        let layers: [String: InMemoryBand] = [
            "lulc": band("lulc", lulc), "p": try uniform("p", "precipitation"), "r": try uniform("r", "rainfall_erosivity"),
            "k": try uniform("k", "soil_erodibility"), "ls": band("ls", ls), "storm": try uniform("storm", "storm_precipitation"),
            "days": try uniform("days", "cooling_days"), "evaporation": try uniform("evaporation", "water_surface_evaporation_cooling"),
            "start": band("start", start), "end": band("end", end),
            "cet": band("cet", Array(repeating: Float(coolingET ?? 0), count: width * height))]
        let text = """
        {"region": {"id": "lianping", "name_zh": "连平县", "name_en": "Lianping"}, "accounting_year": 2023, "coefficient_set": "lianping",
         "county_input": "county.json", "land_cover_classes": "classes.csv",
         "layers": {"lulc": "lulc", "precipitation": "p", "rainfall_erosivity": "r", "soil_erodibility": "k", "slope_length_factor": "ls",
                    "storm_precipitation": "storm", "cooling_days": "days", "water_surface_evaporation_cooling": "evaporation",
                    "forest_stock_start": "start", "forest_stock_end": "end"\(coolingET == nil ? "" : #", "cooling_evapotranspiration": "cet""#)}}
        """
        let input = try GridInput.parse(Array(text.utf8), file: "grid.json", directory: directory).readingCounty()
        let coefficients = try GridAccountTests.coefficients()
        let grid = try GridAccountRunner.run(input: input, classes: LandCoverClasses(types: classes), coefficients: coefficients, threads: 2) { name throws(GEPError) in
            guard let band = layers[URL(fileURLWithPath: name).lastPathComponent] else { throw GEPError.missingInput(path: name, reason: "no such layer") }
            return band
        }
        let county = try AccountBuilder.build(input: try #require(input.county), coefficients: coefficients)
        let accounted = county.services.filter { $0.status == .accounted }
        #expect(accounted.count == 15)   // every service the county input accounts (landscape premium it does not)
        for service in accounted {
            let cell = try #require(grid.account.services.first { $0.id == service.id })
            #expect(abs(cell.value - service.value) <= 1e-9 * abs(service.value), "\(service.id.id): grid \(cell.value), county \(service.value)")
            if let quantity = service.physicalTotal {
                let gridQuantity = try #require(cell.physicalTotal)
                #expect(abs(gridQuantity - quantity) <= 1e-9 * abs(quantity), "\(service.id.id) quantity: grid \(gridQuantity), county \(quantity)")
            }
        }
        #expect(abs(grid.account.total - county.total) <= 1e-9 * county.total)
        if let coolingET {
            // the layer alone (the county input without the field): the grid's vegetation still
            // transpires T·A·ρ·λ/r, cell by cell
            _ = try Self.floatExactCounty(in: directory, coolingET: nil)
            let layerOnly = try GridInput.parse(Array(text.utf8), file: "grid.json", directory: directory).readingCounty()
            let gridET = try GridAccountRunner.run(input: layerOnly, classes: LandCoverClasses(types: classes), coefficients: coefficients, threads: 2) { name throws(GEPError) in
                guard let band = layers[URL(fileURLWithPath: name).lastPathComponent] else { throw GEPError.missingInput(path: name, reason: "no such layer") }
                return band
            }
            let c = coefficients.entries
            #expect(c["const.latent_heat_vaporization"]!.unit.symbol == "kJ/kg")
            // m × kg/m³ × kWh/kg (3600 kJ = 1 kWh) / r, per m²
            let perM2 = coolingET * 1e-3 * c["const.water_density"]!.value * (c["const.latent_heat_vaporization"]!.value / 3600)
                / c["climate.ac_energy_efficiency_ratio"]!.value
            let lines = try #require(gridET.account.services.first { $0.id == .climateRegulation }).lines.filter { $0.component == "transpiration" }
            #expect(!lines.isEmpty && lines.allSatisfy { $0.driver == .coolingTranspiration })
            for line in lines {
                let type = try #require(line.ecosystem)
                let area = try #require(types[type.id]?["area"]) * 1e4
                #expect(abs(line.quantity / (perM2 * area) - 1) < 1e-9, "\(line.ecosystem!.id)")
            }
        }
        let cooling = try #require(county.services.first { $0.id == .climateRegulation })
        let transpirationDriver: CellDriver = coolingET == nil ? .coolingDayArea : .coolingTranspiration
        #expect(cooling.lines.contains { $0.driver == transpirationDriver })
    }
}
