import ArgumentParser
import ClusterState

/// `clustertui version`: the same line as `clustertui --version`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version, the commit it was built from and the Swift version.")

    func run() throws {
        StandardOutput.write(BuildInfo.versionLine + "\n")
    }
}
