import ClusterClient
import ClusterModel
import ClusterWrites
import Foundation

/// `apply` and `undo` act on the cluster the plan or batch was made against
/// (issue 19): with no `--url`/`--context` they connect to it (its context
/// when the config file has it, else its URL; credentials from the usual
/// places); given another cluster they refuse (exit 64) naming both, unless
/// `--retarget`, which says so loudly and is journalled.
enum PlanTargeting {
    /// The connection options that reach `recorded`, unless the operator named a cluster.
    static func options(_ given: ConnectionOptions, toReach recorded: ClusterIdentity?,
                        configPath: String = ClusterConfig.defaultPath) -> ConnectionOptions {
        guard given.url == nil, given.context == nil, let recorded else { return given }
        var aimed = given
        if let name = recorded.context, let config = try? ClusterConfig.load(path: configPath), config.contexts[name] != nil {
            aimed.context = name
        } else if recorded.url != ClusterIdentity.embedded {
            aimed.url = recorded.url
        }
        return aimed
    }

    /// Refuses a connection to another cluster than `recorded`; returns the
    /// cluster to journal as retargeted from, when `retarget` allowed it.
    static func check(_ connected: ClusterIdentity, against recorded: ClusterIdentity?, what: String, retarget: Bool) throws -> String? {
        guard let recorded, recorded.url != connected.url else { return nil }
        let made = describe(recorded), now = describe(connected)
        guard retarget else {
            throw ClusterError.usage("\(what) was made against \(made), but this command is connected to \(now): "
                                     + "nothing was sent (--retarget applies it there anyway)")
        }
        StandardError.line("clustertui: WARNING: RETARGETED: \(what) was made against \(made); applying it to \(now) "
                           + "(journalled as retargeted). Items whose binding differs are skipped.")
        return recorded.url
    }

    /// `prod (https://core:3000)` or the URL alone.
    static func describe(_ identity: ClusterIdentity) -> String {
        let url = TextSanitizer.excerpt(identity.url, limit: 80)
        return identity.context.map { "\(TextSanitizer.excerpt($0, limit: 40)) (\(url))" } ?? url
    }
}
