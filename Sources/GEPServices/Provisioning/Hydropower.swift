import GEPCore

/// 水能：小水电上网电量 (market value of the products of the accounting year).
///
/// Physical quantities are the products' outputs; values are Σ Q·P at the product prices
/// in the coefficient set (gross output), optionally times the sector's value-added ratio.
/// See `ProductLines` for the section format.
public enum Hydropower: ServiceModel {
    /// The spec: product lines in kWh (other units allowed per product).
    public static let spec = ProductLines.spec(.hydropower, unit: "kWh")

    /// Prices each product line.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        ProductLines.account(spec: spec, method: method, section: section, context: &context)
    }
}
