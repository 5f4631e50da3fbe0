import ClusterClient
import ClusterModel
import ClusterState

/// The run's keys from the config file (issue 24): `[keys]` and the custom
/// actions' keys over the defaults. A clash or an unknown name stops the
/// dashboard at start with the file and line, and is a `doctor` finding.
enum KeyConfiguration {
    /// The key map and custom actions of the config file at `path` (none when there is no file).
    static func load(path: String = ClusterConfig.defaultPath) throws -> (KeyMap, [CustomAction]) {
        let config = try ClusterConfig.load(path: path)
        return try resolve(config, source: path)
    }

    static func resolve(_ config: ClusterConfig, source: String) throws -> (KeyMap, [CustomAction]) {
        do {
            return (try KeyMap.standard.rebound(config.keyOverrides, actions: config.actions), config.actions)
        } catch {
            throw ClusterError.usage("\(source):\(error.line): \(error.message)")
        }
    }
}
