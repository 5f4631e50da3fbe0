import ClusterModel
import Foundation

/// What a node tells the registry about itself when it starts: the row it
/// owns in the `nodes` table, minus the heartbeat bookkeeping.
public struct NodeRegistration: Sendable, Hashable {
    public var name: String
    public var role: NodeRole
    public var url: String?
    public var tags: [String]
    public var version: String?
    public var hostname: String?
    public var pid: Int?

    public init(
        name: String, role: NodeRole = .all, url: String? = nil, tags: [String] = [],
        version: String? = nil, hostname: String? = nil, pid: Int? = nil
    ) {
        self.name = name; self.role = role; self.url = url; self.tags = tags
        self.version = version; self.hostname = hostname; self.pid = pid
    }

    /// This process, named `hostname-pid` like the real product (so every
    /// restart registers a new node) unless a name is given.
    public static func thisProcess(
        name: String? = nil, role: NodeRole = .all, url: String? = nil, tags: [String] = [], version: String?
    ) -> NodeRegistration {
        let host = ProcessInfo.processInfo.hostName
        let pid = Int(ProcessInfo.processInfo.processIdentifier)
        let trimmed = name?.trimmingCharacters(in: .whitespacesAndNewlines)
        let finalName = (trimmed?.isEmpty == false ? trimmed : nil) ?? "\(host)-\(pid)"
        return NodeRegistration(name: finalName, role: role, url: url, tags: tags, version: version, hostname: host, pid: pid)
    }
}
