import GEPCore

/// The `gep` tool: its commands, and the entry point `main.swift` calls.
public enum GEPTool {
    /// The version printed by `gep --version`.
    public static let version = "gep 0.1.0"

    /// The command tree.
    public static let tool = Tool(
        name: "gep", version: version,
        abstract: "Gross ecosystem product (GEP, 生态产品总值) accounting: physical quantities and values of ecosystem services.",
        commands: [
            .command(AccountCommand.self),
            .command(ServicesCommand.self),
            .command(CompensateCommand.self),
            .command(ScenarioCommand.self),
            .command(SensitivityCommand.self),
            .command(GridCommand.self),
            .command(WaterYieldCommand.self),
            .command(CarbonCommand.self),
            .command(SynthCommand.self),
            .group(CommandSpec(name: "raster", abstract: "Inspect raster files."), [.command(RasterInfoCommand.self)]),
            .group(CommandSpec(name: "coefficients", abstract: "Inspect the coefficient sets (prices, rates, constants) and their sources."),
                   [.command(CoefficientsShowCommand.self)]),
        ])

    /// Runs `gep` with the process's arguments, streams, environment and working directory,
    /// and returns the exit status.
    public static func main(_ arguments: [String], environment: [String: String], workingDirectory: String,
                            executablePath: String?) -> Int32 {
        let context = CommandContext(stdout: StandardOutput(), stderr: StandardError(), environment: environment,
                                     workingDirectory: workingDirectory, executablePath: executablePath)
        return tool.run(arguments: Array(arguments.dropFirst()), context: context)
    }
}
