import Foundation

/// The body of `GET /api/cluster/overview`.
public struct Overview: Codable, Hashable, Sendable {
    public var thisNodeName: String
    public var defaultNodeName: String
    public var nodes: [Node]
    public var assignments: [Assignment]

    public init(thisNodeName: String, defaultNodeName: String, nodes: [Node], assignments: [Assignment]) {
        self.thisNodeName = thisNodeName; self.defaultNodeName = defaultNodeName
        self.nodes = nodes; self.assignments = assignments
    }

    enum CodingKeys: String, CodingKey { case thisNodeName, defaultNodeName, nodes, assignments }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        thisNodeName = (try? c.decodeIfPresent(String.self, forKey: .thisNodeName)) ?? ""
        defaultNodeName = (try? c.decodeIfPresent(String.self, forKey: .defaultNodeName)) ?? ""
        // Required: a reply without these arrays (or with `null`) is
        // malformed, never an empty cluster (issue 13). `[]` is a valid empty one.
        nodes = try c.decode([Node].self, forKey: .nodes)
        assignments = try c.decode([Assignment].self, forKey: .assignments)
    }
}

/// The body of `GET /api/cluster/instances`.
public struct InstanceList: Codable, Hashable, Sendable {
    public var instances: [Instance]
    public init(instances: [Instance]) { self.instances = instances }
}

/// The body of `PUT /api/cluster/assignments/:entityType/:entityId`.
/// `mode` left out means `strict` on the server.
public struct SetAssignmentRequest: Codable, Hashable, Sendable {
    public var nodeName: String
    public var mode: AssignmentMode?
    public init(nodeName: String, mode: AssignmentMode?) { self.nodeName = nodeName; self.mode = mode }
}

/// The reply to a PUT: the stored row.
public struct SetAssignmentResponse: Codable, Hashable, Sendable {
    public var assignment: Assignment
    public init(assignment: Assignment) { self.assignment = assignment }
}

/// The reply to a DELETE: `removed: false` when no row existed.
public struct DeleteAssignmentResponse: Codable, Hashable, Sendable {
    public var removed: Bool
    public init(removed: Bool) { self.removed = removed }
}

/// The JSON error body the server sends: `{"error": "…", "message"?: "…"}`.
public struct ErrorBody: Codable, Hashable, Sendable {
    public var error: String
    public var message: String?
    public init(error: String, message: String? = nil) { self.error = error; self.message = message }
}

/// The body of `POST /api/auth/login`.
public struct LoginRequest: Codable, Hashable, Sendable {
    public var email: String
    public var password: String
    public var slug: String?
    public init(email: String, password: String, slug: String? = nil) {
        self.email = email; self.password = password; self.slug = slug
    }
}
