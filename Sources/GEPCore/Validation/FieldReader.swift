/// Reads typed fields out of a parsed JSON document while collecting every problem.
///
/// Each accessor returns `nil` when the field is missing or of the wrong kind and records a
/// `Diagnostic` with the file, line, column and JSON path, so one pass over a document
/// reports all its problems. Keys starting with `_` are comments and are never reported.
public struct FieldReader: Sendable {
    /// The file name used in diagnostics.
    public let file: String
    /// Problems found so far, in document order of discovery.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates a reader for one file.
    public init(file: String) { self.file = file }

    /// Records a problem at `position` (or at the start of the file).
    public mutating func report(_ message: String, at position: SourcePosition?, path: String) {
        diagnostics.append(Diagnostic(file: file, line: position?.line, column: position?.column, path: path, message: message))
    }

    /// Appends problems found elsewhere (for example by a nested reader).
    public mutating func append(_ other: [Diagnostic]) { diagnostics += other }

    /// The members of an object node, or `nil` (and a problem) when it is not an object.
    public mutating func object(_ node: JSONNode, path: String) -> [JSONMember]? {
        guard let members = node.members else {
            report("expected an object, found \(node.kindName)", at: node.position, path: path)
            return nil
        }
        return members
    }

    /// The elements of an array node, or `nil` (and a problem) when it is not an array.
    public mutating func array(_ node: JSONNode, path: String) -> [JSONNode]? {
        guard let elements = node.elements else {
            report("expected an array, found \(node.kindName)", at: node.position, path: path)
            return nil
        }
        return elements
    }

    /// Unknown keys listed one by one per object; the rest are counted in one problem.
    public static let listedUnknownKeys = 20

    /// Reports every key of `node` that is not in `allowed`, suggesting the nearest allowed key
    /// (the first `listedUnknownKeys` of them one by one, the rest counted).
    public mutating func rejectUnknownKeys(_ node: JSONNode, allowed: [String], path: String, what: String = "key") {
        guard let members = node.members else { return }
        var unknown = 0
        for member in members where !member.key.hasPrefix("_") && !allowed.contains(member.key) {
            unknown += 1
            guard unknown <= Self.listedUnknownKeys else { continue }
            var message = "unknown \(what) \"\(member.key.echoed())\""
            if let near = EditDistance.nearest(to: member.key, in: allowed) { message += "; did you mean \"\(near)\"?" }
            else if allowed.count <= 12 { message += " (expected one of: \(allowed.joined(separator: ", ")))" }
            report(message, at: member.keyPosition, path: join(path, member.key.echoed()))
        }
        if unknown > Self.listedUnknownKeys {
            report("… and \(unknown - Self.listedUnknownKeys) more unknown \(what)s here", at: node.position, path: path)
        }
    }

    /// A string field.
    public mutating func string(_ parent: JSONNode, _ key: String, path: String, required: Bool = true) -> String? {
        guard let node = field(parent, key, path: path, required: required) else { return nil }
        guard let value = node.string else {
            report("expected a string, found \(node.kindName)", at: node.position, path: join(path, key))
            return nil
        }
        return value
    }

    /// A finite number field.
    public mutating func number(_ parent: JSONNode, _ key: String, path: String, required: Bool = true) -> Double? {
        guard let node = field(parent, key, path: path, required: required) else { return nil }
        return number(node, path: join(path, key))
    }

    /// A node that must be a number.
    public mutating func number(_ node: JSONNode, path: String) -> Double? {
        guard let value = node.double else {
            report("expected a number, found \(node.kindName)", at: node.position, path: path)
            return nil
        }
        return value
    }

    /// An integer field within `range`.
    public mutating func integer(_ parent: JSONNode, _ key: String, path: String, in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard let node = field(parent, key, path: path, required: required) else { return nil }
        guard let value = node.double else {
            report("expected an integer, found \(node.kindName)", at: node.position, path: join(path, key))
            return nil
        }
        guard let integer = Int(exactly: value), range.contains(integer) else {
            report("expected an integer from \(range.lowerBound) to \(range.upperBound), found \(value)", at: node.position, path: join(path, key))
            return nil
        }
        return integer
    }

    /// A boolean field.
    public mutating func bool(_ parent: JSONNode, _ key: String, path: String, required: Bool = true) -> Bool? {
        guard let node = field(parent, key, path: path, required: required) else { return nil }
        guard let value = node.bool else {
            report("expected true or false, found \(node.kindName)", at: node.position, path: join(path, key))
            return nil
        }
        return value
    }

    /// A member node, reporting its absence when `required`.
    public mutating func field(_ parent: JSONNode, _ key: String, path: String, required: Bool) -> JSONNode? {
        if let node = parent[key] { return node }
        if required { report("missing required field \"\(key)\"", at: parent.position, path: path) }
        return nil
    }

    /// `path.key`, or `key` at the top level.
    public func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
