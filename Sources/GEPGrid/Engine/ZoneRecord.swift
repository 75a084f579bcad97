/// Per-zone sums that a kernel accumulates and the engine adds up, zone by zone.
///
/// Records are added in a fixed order (rows top to bottom; within a row, zones in order of
/// first appearance), so totals do not depend on the band height or the thread count.
/// Sums should be `Double` and counts `Int`.
public protocol ZoneRecord: Sendable, Equatable {
    /// The record of no cells.
    static var zero: Self { get }
    /// The number of cells the record covers (valid or not).
    var cells: Int { get }
    /// Adds `other`'s sums and counts to this record's.
    mutating func add(_ other: Self)
}
