import Foundation
import Testing
import ClusterModel

/// Issue 13: a reply missing a required array is malformed, never an empty cluster.
@Suite struct MalformedOverviewTests {
    func decode(_ json: String) throws -> Overview {
        try JSONDecoder().decode(Overview.self, from: Data(json.utf8))
    }

    /// Issue 13: `{"nodes": null, …}` decoded as zero nodes: the dashboard showed
    /// "live", "Nodes 0" and every instance at risk; `get nodes` exited 0.
    @Test(arguments: [
        #"{"thisNodeName":"a","defaultNodeName":"a","nodes":null,"assignments":[]}"#,
        #"{"thisNodeName":"a","defaultNodeName":"a","assignments":[]}"#,
        #"{"thisNodeName":"a","defaultNodeName":"a","nodes":[],"assignments":null}"#,
        #"{"thisNodeName":"a","defaultNodeName":"a","nodes":[]}"#,
        #"{"thisNodeName":"a","defaultNodeName":"a","nodes":{},"assignments":[]}"#,
        #"{"thisNodeName":"a","defaultNodeName":"a","nodes":"none","assignments":[]}"#,
    ])
    func missingOrNullArraysAreMalformed(_ json: String) {
        #expect(throws: DecodingError.self) { try decode(json) }
    }

    /// An explicitly empty cluster is still a valid one.
    @Test func emptyArraysAreAValidEmptyCluster() throws {
        let o = try decode(#"{"thisNodeName":"a","defaultNodeName":"a","nodes":[],"assignments":[]}"#)
        #expect(o.nodes.isEmpty && o.assignments.isEmpty)
    }

    /// Issue 13: the same rule for the instance list.
    @Test func instancesNullIsMalformed() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(InstanceList.self, from: Data(#"{"instances":null}"#.utf8))
        }
    }
}
