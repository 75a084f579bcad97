/// The three categories GEP is the sum of: GEP = EPV + ERV + ECV
/// (provisioning, regulating and cultural values; `coefficients/REFERENCES.md` §0.1).
public enum ServiceCategory: String, CaseIterable, Sendable, Hashable {
    /// 物质产品 — material (provisioning) products.
    case provisioning
    /// 调节服务 — regulating services.
    case regulating
    /// 文化服务 — cultural services.
    case cultural

    /// The stable id.
    public var id: String { rawValue }

    /// Chinese name.
    public var nameZH: String {
        switch self {
        case .provisioning: "物质产品"
        case .regulating: "调节服务"
        case .cultural: "文化服务"
        }
    }

    /// English name.
    public var nameEN: String {
        switch self {
        case .provisioning: "Provisioning services"
        case .regulating: "Regulating services"
        case .cultural: "Cultural services"
        }
    }
}
