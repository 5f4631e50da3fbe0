import ClusterModel
import Foundation

/// The rows a poll changed (a node's status or health, an instance's
/// binding), each with the moment its highlight ends: like htop's `-H`,
/// an operator glancing at the screen sees what just moved.
package struct RecentChanges: Sendable, Equatable {
    /// How long a changed row stays highlighted.
    package static let duration: TimeInterval = 5

    package var nodes: [String: Date] = [:]
    package var instances: [EntityKey: Date] = [:]

    /// Takes the subjects of a poll's events.
    package mutating func note(_ events: [ClusterEvent], now: Date) {
        let until = now.addingTimeInterval(Self.duration)
        for event in events {
            switch event.kind {
            case .statusChanged, .heartbeatLate, .heartbeatStale, .heartbeatRecovered, .restarted, .nodeAdded, .versionChanged:
                nodes[event.subject] = until
            case .assignmentAdded, .assignmentChanged, .assignmentRemoved, .instanceAdded:
                if let key = Self.key(event.subject) { instances[key] = until }
            case .nodeRemoved, .defaultNodeChanged, .instanceRemoved, .alertFired, .alertResolved, .actionRun:
                continue
            }
        }
        // A summarising event ("1,234 instances added") names no row; thousands of rows are not highlighted.
        if instances.count > 10_000 { instances.removeAll() }
        if !nodes.isEmpty || !instances.isEmpty { nextEnd = min(nextEnd ?? until, until) }
    }

    package func isChanged(node: String, now: Date) -> Bool { (nodes[node].map { $0 > now }) ?? false }
    package func isChanged(_ key: EntityKey, now: Date) -> Bool { (instances[key].map { $0 > now }) ?? false }

    /// Drops the highlights that have ended.
    package mutating func prune(now: Date) {
        nodes = nodes.filter { $0.value > now }
        instances = instances.filter { $0.value > now }
        nextEnd = [nodes.values.min(), instances.values.min()].compactMap { $0 }.min()
    }

    /// The earliest highlight end still to come, for the loop's deadline
    /// (kept up to date by `note` and `prune`, never searched per frame).
    package private(set) var nextEnd: Date?

    package var isEmpty: Bool { nodes.isEmpty && instances.isEmpty }

    /// `browser:t1:x` → its key (types never hold `:`).
    private static func key(_ subject: String) -> EntityKey? {
        guard let colon = subject.firstIndex(of: ":") else { return nil }
        return EntityKey(EntityType(String(subject[..<colon])), String(subject[subject.index(after: colon)...]))
    }
}

