import ClusterModel
import Foundation
import Hummingbird

/// Issue 20's faults: heartbeats that are wrong-typed, in the future, or
/// written by clocks that disagree with the answering node's `Date`, and
/// node names listed twice. Heartbeats are taken from this machine's clock
/// at each request, so they advance between polls as a live cluster's do.
enum ClockFaults {
    static func node(_ name: String, beat: String) -> String {
        #"{"name":"\#(name)","role":"all","url":null,"tags":[],"status":"online","lastHeartbeatAt":\#(beat),"#
            + #""startedAt":"2026-05-17T22:00:00.000Z","version":"0.1.0","hostname":"h","pid":1}"#
    }

    static func overview(_ nodes: [String]) -> String {
        #"{"thisNodeName":"node-a","defaultNodeName":"node-a","nodes":[\#(nodes.joined(separator: ","))],"#
            + #""assignments":[{"entityType":"browser","entityId":"tenant1:brw_42","nodeName":"node-a","mode":"strict"}]}"#
    }

    static func quoted(_ date: Date) -> String { "\"" + WireDate.format(date) + "\"" }

    static func respond(_ fault: Fault, rawPath: String) -> Response {
        if rawPath.hasSuffix("/instances") { return FaultServer.json(.ok, Fixtures.instances) }
        let now = Date()
        switch fault {
        case .heartbeatAsNumber:
            return FaultServer.json(.ok, overview([node("node-a", beat: "1747562400000")]))
        case .heartbeatInFuture:
            return FaultServer.json(.ok, overview([
                node("node-a", beat: quoted(now)), node("node-b", beat: quoted(now)),
                node("node-c", beat: quoted(now.addingTimeInterval(3600))),
            ]))
        default:
            return FaultServer.json(.ok, overview([
                node("node-a", beat: quoted(now)), node("node-a", beat: quoted(now)), node("node-a", beat: quoted(now)),
            ]))
        }
    }

    /// Heartbeats that advance, an hour behind the `Date` (which Hummingbird
    /// sets from this machine's clock).
    static func dateAhead(rawPath: String) -> Response {
        if rawPath.hasSuffix("/instances") { return FaultServer.json(.ok, Fixtures.instances) }
        let beat = quoted(Date().addingTimeInterval(-3600))
        return FaultServer.json(.ok, overview([node("node-a", beat: beat), node("node-b", beat: beat), node("node-c", beat: beat)]))
    }
}
