import GEPCore

/// A step of an adjustment path: an object key or an array index.
enum ScenarioPathStep: Equatable { case key(String), index(Int) }

/// Why an adjustment path could not be applied.
struct ScenarioPathError: Error { var message: String }

extension Scenario {
    /// `services.agricultural_products.products[1].quantity` → key, key, key, index, key.
    static func steps(_ path: String) -> [ScenarioPathStep] {
        var steps: [ScenarioPathStep] = []
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]"), let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { steps.append(.key(String(name))) }
            steps += indices.map { .index($0) }
        }
        return steps
    }

    /// The quantity object (`{"value", "unit", …}`) at `path` in an input, if the path names one.
    static func quantity(at path: String, in root: JSON) -> (value: Double, unit: PhysicalUnit)? {
        var node = root
        for step in steps(path) {
            switch (step, node) {
            case let (.key(key), .object(fields)): guard let child = fields[key] else { return nil }; node = child
            case let (.index(index), .array(items)): guard items.indices.contains(index) else { return nil }; node = items[index]
            default: return nil
            }
        }
        guard case let .object(fields) = node, case let .number(value) = fields["value"] ?? .null,
              case let .string(text) = fields["unit"] ?? .null, let unit = try? PhysicalUnit(parsing: text) else { return nil }
        return (value, unit)
    }

    /// Applies `operation` to the quantity object (`{"value", "unit", …}`) at `path`.
    static func adjusting(_ root: [String: JSON], path: [ScenarioPathStep], operation: Adjustment.Operation) throws(ScenarioPathError) -> [String: JSON] {
        guard case let .object(result) = try adjusting(.object(root), path[...], operation: operation, walked: "") else { return root }
        return result
    }

    private static func adjusting(_ value: JSON, _ path: ArraySlice<ScenarioPathStep>, operation: Adjustment.Operation, walked: String) throws(ScenarioPathError) -> JSON {
        guard let step = path.first else { return try adjustedQuantity(value, operation) }
        switch (step, value) {
        case let (.key(key), .object(fields)):
            guard let child = fields[key] else {
                var message = "no \"\(key)\"" + (walked.isEmpty ? "" : " under \(walked)")
                if let near = EditDistance.nearest(to: key, in: fields.keys.sorted()) { message += "; did you mean \"\(near)\"?" }
                throw ScenarioPathError(message: message)
            }
            var copy = fields
            copy[key] = try adjusting(child, path.dropFirst(), operation: operation, walked: walked.isEmpty ? key : walked + "." + key)
            return .object(copy)
        case let (.index(index), .array(items)):
            guard items.indices.contains(index) else { throw ScenarioPathError(message: "index \(index) is outside \(walked) (\(items.count) items)") }
            var copy = items
            copy[index] = try adjusting(items[index], path.dropFirst(), operation: operation, walked: walked + "[\(index)]")
            return .array(copy)
        default:
            let expected = if case .index = step { "an array" } else { "an object" }
            throw ScenarioPathError(message: "\(walked.isEmpty ? "the input" : walked) is not \(expected)")
        }
    }

    private static func adjustedQuantity(_ value: JSON, _ operation: Adjustment.Operation) throws(ScenarioPathError) -> JSON {
        guard case var .object(fields) = value, case let .number(number) = fields["value"] ?? .null,
              case let .string(unitText) = fields["unit"] ?? .null, let unit = try? PhysicalUnit(parsing: unitText) else {
            throw ScenarioPathError(message: "does not name a quantity ({\"value\", \"unit\"})")
        }
        func finite(_ result: Double, _ what: String) throws(ScenarioPathError) -> JSON {
            guard result.isFinite else {
                throw ScenarioPathError(message: "\(what) gives \(result), beyond the largest number (about 1.8e308)")
            }
            return .number(result)
        }
        switch operation {
        case let .multiply(factor):
            fields["value"] = try finite(number * factor, "multiplying \(number) \(unit.symbol) by \(factor)")
        case let .add(delta, deltaUnit):
            guard let factor = deltaUnit.conversionFactor(to: unit) else {
                throw ScenarioPathError(message: "cannot add \(deltaUnit.symbol) (\(deltaUnit.dimension)) to a quantity in \(unit.symbol) (\(unit.dimension))")
            }
            fields["value"] = try finite(number + delta * factor, "adding \(delta) \(deltaUnit.symbol) to \(number) \(unit.symbol)")
        case let .set(newValue, newUnit, source):
            guard newUnit.isCompatible(with: unit) else {
                throw ScenarioPathError(message: "cannot set a quantity in \(unit.symbol) (\(unit.dimension)) to \(newUnit.symbol) (\(newUnit.dimension))")
            }
            fields["value"] = .number(newValue)
            fields["unit"] = .string(newUnit.symbol)
            if let source { fields["source"] = .string(source) }
        }
        return .object(fields)
    }
}
