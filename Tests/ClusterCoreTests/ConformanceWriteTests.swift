import ClusterCore
import ClusterModel
import Foundation
import Testing

/// The write side of the conformance suite, both ways: round trips with
/// hostile ids, the server's defaults, its errors, and the audit rows.
@Suite struct ConformanceWriteTests {
    static let hostileIds = ["t1:a/b?c#d%e f", "ü", "t2:🚀 emoji/💥", "100%", "a%2Fb", "  spaced  ", "#?&=+;"]

    @Test(arguments: Backend.allCases)
    func hostileIdsRoundTripThroughSetOverviewAndDelete(_ backend: Backend) async throws {
        try await Harness.with(backend) { h in
            for id in Self.hostileIds {
                let key = EntityKey(.browser, id)
                let stored = try await h.writer.setAssignment(key, nodeName: "worker-03", mode: .preferred)
                #expect(stored.key == key && stored.nodeName == "worker-03" && stored.mode == .preferred)
                let overview = try await h.reader.overview()
                #expect(overview.assignments.contains { $0.key == key && $0.nodeName == "worker-03" }, "\(id)")
                #expect(try await h.writer.deleteAssignment(key) == true)
                #expect(try await h.writer.deleteAssignment(key) == false)
            }
        }
    }

    /// The hostile demo instance is rebound and shows up explicit in the instance list.
    @Test(arguments: Backend.allCases)
    func rebindingACatalogueEntityShowsInInstances(_ backend: Backend) async throws {
        try await Harness.with(backend) { h in
            let key = EntityKey(.agent, "t1:a/b?c#d%e f")
            _ = try await h.writer.setAssignment(key, nodeName: "core-main-1", mode: nil)
            let row = try #require(try await h.reader.instances().instances.first { $0.key == key })
            #expect(row.explicit && row.nodeName == "core-main-1" && row.mode == .strict)
            #expect(try await h.writer.deleteAssignment(key))
            let after = try #require(try await h.reader.instances().instances.first { $0.key == key })
            #expect(!after.explicit && after.mode == .preferred && after.nodeName == "core-main-1")
        }
    }

    @Test(arguments: Backend.allCases)
    func nodeNameIsTrimmedAndMissingModeIsStrict(_ backend: Backend) async throws {
        try await Harness.with(backend) { h in
            let stored = try await h.writer.setAssignment(EntityKey(.ocr, "t1:x"), nodeName: "  worker-03\t", mode: nil)
            #expect(stored.nodeName == "worker-03" && stored.mode == .strict)
            #expect(stored.updatedBy == h.actor && stored.updatedAt == h.clock.now())
        }
    }

    @Test(arguments: Backend.allCases)
    func errorsCarryTheServersTexts(_ backend: Backend) async throws {
        try await Harness.with(backend) { h in
            await #expect(throws: ClusterError.badRequest("Invalid entityType")) {
                _ = try await h.writer.setAssignment(EntityKey(EntityType("spaceship"), "t1:x"), nodeName: "worker-03", mode: nil)
            }
            await #expect(throws: ClusterError.badRequest("Invalid entityType")) {
                _ = try await h.writer.deleteAssignment(EntityKey(EntityType("spaceship"), "t1:x"))
            }
            await #expect(throws: ClusterError.badRequest("nodeName is required")) {
                _ = try await h.writer.setAssignment(EntityKey(.agent, "t1:x"), nodeName: "  \n ", mode: nil)
            }
            await #expect(throws: ClusterError.server(status: 500, message: "Node \"nope\" not found in cluster registry")) {
                _ = try await h.writer.setAssignment(EntityKey(.agent, "t1:x"), nodeName: "nope", mode: .strict)
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func auditRowsForSetAndRemovingDeleteOnly(_ backend: Backend) async throws {
        try await Harness.with(backend) { h in
            let key = EntityKey(.mcp, "t1:a/b?c#d%e f")
            _ = try await h.writer.setAssignment(key, nodeName: "worker-03", mode: .preferred)
            #expect(try await h.writer.deleteAssignment(key))
            #expect(try await !h.writer.deleteAssignment(key))
            let rows = try await h.cluster.auditLog()
            #expect(rows.map(\.action) == ["cluster.assignment.set", "cluster.assignment.delete"])
            for row in rows {
                #expect(row.resource == "mcp:t1:a/b?c#d%e f" && row.actor == h.actor && row.at == h.clock.now())
                #expect(row.details == #"{"mode":"preferred","nodeName":"worker-03"}"#)
            }
        }
    }
}
