/// The `<rect>`, `<line>` and `<text>` elements of an SVG document, with their attributes and
/// (for text) their unescaped content: just enough to check a chart's geometry and labels.
struct SVGElement {
    var name: String
    var attributes: [String: String]
    var text: String

    /// A numeric attribute.
    func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }

    /// Every `<rect>`, `<line>` and `<text>` in document order.
    static func parse(_ svg: String) -> [SVGElement] {
        var elements: [SVGElement] = []
        var rest = Substring(svg)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: ">") else { break }
            var tag = rest[..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasSuffix("/") { tag = tag.dropLast() }
            let name = String(tag.prefix { $0 != " " })
            guard ["rect", "line", "text"].contains(name) else { continue }
            var attributes: [String: String] = [:]
            var scan = tag.dropFirst(name.count)
            while let equals = scan.firstIndex(of: "=") {
                let key = scan[..<equals].drop { $0 == " " }
                let afterQuote = scan.index(equals, offsetBy: 2)
                guard let endQuote = scan[afterQuote...].firstIndex(of: "\"") else { break }
                attributes[String(key)] = String(scan[afterQuote..<endQuote])
                scan = scan[scan.index(after: endQuote)...]
            }
            var content = ""
            if name == "text", let end = rest.range(of: "</text>") {
                content = String(rest[..<end.lowerBound])
                for (escaped, plain) in [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] { content = content.replacing(escaped, with: plain) }
                rest = rest[end.upperBound...]
            }
            elements.append(SVGElement(name: name, attributes: attributes, text: content))
        }
        return elements
    }
}
