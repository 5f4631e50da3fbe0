import Foundation

/// Where the built executables are, for end-to-end tests.
public enum TestBinary {
    /// The `clustertui` executable: `$CLUSTERTUI_BINARY` if set, else next to
    /// the test bundle (SwiftPM puts both in the same build directory), else
    /// `.build/debug/clustertui` under the current directory.
    public static var clustertui: URL {
        let fm = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["CLUSTERTUI_BINARY"], fm.isExecutableFile(atPath: explicit) {
            return URL(fileURLWithPath: explicit)
        }
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath)
        let me = URL(fileURLWithPath: CommandLine.arguments.first ?? "", relativeTo: cwd).standardizedFileURL
        var dir = me.deletingLastPathComponent()
        // Inside a bundle directory (…/Foo.xctest/Contents/MacOS/Foo): climb out of it.
        while dir.path.contains(".xctest") { dir = dir.deletingLastPathComponent() }
        let beside = dir.appendingPathComponent("clustertui")
        if fm.isExecutableFile(atPath: beside.path) { return beside }
        return cwd.appendingPathComponent(".build/debug/clustertui")
    }
}
