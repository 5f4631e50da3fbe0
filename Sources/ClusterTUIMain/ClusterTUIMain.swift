import ClusterCLI
import ClusterSupport

/// The `clustertui` executable: everything lives in the ClusterCLI library
/// and the layers below it, so tests and the benchmark link the same code.
@main
enum ClusterTUIMain {
    static func main() async {
        MemoryTrim.limitArenas()
        await ClusterTUICommand.main()
    }
}
