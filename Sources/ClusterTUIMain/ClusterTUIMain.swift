import ClusterTUI

/// The `clustertui` executable: everything lives in the ClusterTUI library,
/// so tests and the benchmark link the same code.
@main
enum ClusterTUIMain {
    static func main() async {
        await ClusterTUICommand.main()
    }
}
