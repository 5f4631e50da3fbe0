import ClusterModel
import Foundation

/// Everything that can happen to the dashboard, as a value: keys, resizes,
/// clock ticks, replies to requests, signals. `update` consumes these.
enum Message: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The clock moved on (ages tick, polls fall due).
    case tick
    case overviewFetched(Result<Fetched<Overview>, ClusterError>, latency: TimeInterval)
    case instancesFetched(Result<Fetched<InstanceList>, ClusterError>, latency: TimeInterval)
    /// The same, decoded and prepared (index, sort order) off the UI thread.
    case instancesPrepared(Result<Fetched<PreparedInstances>, ClusterError>, latency: TimeInterval)
    /// The re-read of the overview made just before a rebind is sent.
    case rebindRechecked(formID: Int, Result<Fetched<Overview>, ClusterError>)
    case assignmentSet(formID: Int, Result<Assignment, ClusterError>)
    case assignmentDeleted(EntityKey, Result<Bool, ClusterError>)
    /// SIGINT, SIGTERM or SIGHUP.
    case signal(Int32)
    /// The terminal went away (EOF / hang-up): quit without drawing.
    case hangup
}

/// Work `update` asks the loop to do. The loop runs it and feeds the outcome
/// back as a `Message`; `update` itself performs no I/O.
enum Effect: Sendable, Equatable {
    case fetchOverview(previous: BodyDigest?)
    case fetchInstances(previous: BodyDigest?)
    case recheckBeforeRebind(formID: Int)
    case setAssignment(formID: Int, key: EntityKey, nodeName: String, mode: AssignmentMode)
    case deleteAssignment(EntityKey)
    /// Ctrl-L: repaint the whole terminal.
    case repaint
    /// Ctrl-Z: hand the terminal back to the shell until `fg`.
    case suspend
    case quit
}
