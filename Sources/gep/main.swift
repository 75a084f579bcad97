import Foundation
import GEPCommandLine

exit(GEPTool.main(CommandLine.arguments, environment: ProcessInfo.processInfo.environment,
                  workingDirectory: FileManager.default.currentDirectoryPath, executablePath: Bundle.main.executablePath))
