import ArgumentParser
import Foundation

/// `clustertui version`: the same line as `clustertui --version`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version, the commit it was built from and the Swift version.")

    func run() throws {
        FileHandle.standardOutput.write(Data((BuildInfo.versionLine + "\n").utf8))
    }
}
