/// Per-cell map weights: map m of a cell of class c is Σ_s weight(c, m, s) · slot s of the
/// cell, the cell's slots being the kernel's raw drivers (`DriverPlan`). The weights come from
/// the priced account (`GridAccountMaps`), so the maps summed over cells give its totals.
struct CellMaps: Sendable {
    /// Maps written.
    let count: Int
    /// Slots per cell (`DriverPlan.width`).
    let slots: Int
    /// `classCount × count × slots` weights, class-major.
    let weights: [Double]
    /// Written where a cell has no mapped class.
    let nodata: Float

    /// Writes one row's map values (row starting at cell `start` of the band).
    func write(row start: Int, width: Int, classOf: UnsafePointer<Int32>, cellValues: UnsafePointer<Double>, slots w: Int,
               into outputs: [UnsafeMutablePointer<Float>]) {
        weights.withUnsafeBufferPointer { weights in
            for column in 0..<width {
                let c = Int(classOf[column])
                guard c >= 0 else {
                    for m in 0..<count { outputs[m][start + column] = nodata }
                    continue
                }
                let cell = cellValues + column * w
                for m in 0..<count {
                    let base = (c * count + m) * w
                    var value = 0.0
                    for s in 0..<w { value += weights[base + s] * cell[s] }
                    outputs[m][start + column] = Float(value)
                }
            }
        }
    }
}
