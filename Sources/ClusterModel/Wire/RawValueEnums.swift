/// Tolerant string enumerations of the wire format.
///
/// The server has grown values the reference does not list (entity types,
/// maybe roles or statuses), so each of these is a struct around the raw
/// string with the known values as static constants: an unknown value
/// decodes and is shown as it came, and `switch` still works on the knowns.

/// What the tolerant string enumerations share: a raw string that decodes
/// and encodes as itself, prints as itself and is made with `T("value")`.
public protocol WireString: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible where RawValue == String {
    init(rawValue: String)
}

extension WireString {
    public init(_ raw: String) { self.init(rawValue: raw) }
    public init(from decoder: Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
    public var description: String { rawValue }
}

/// A node's role in the cluster: `main`, `worker` or `all`.
public struct NodeRole: WireString {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let main = NodeRole("main")
    public static let worker = NodeRole("worker")
    public static let all = NodeRole("all")
    /// Roles that may be chosen as the default node.
    public var canBeDefault: Bool { self == .main || self == .all }
}

/// A node's registry status: `online`, `offline` or `draining`.
public struct NodeStatus: WireString {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let online = NodeStatus("online")
    public static let offline = NodeStatus("offline")
    public static let draining = NodeStatus("draining")
}

/// The kind of an assignable entity (`agent`, `browser`, …). Unknown kinds are kept.
public struct EntityType: WireString, Comparable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static func < (a: EntityType, b: EntityType) -> Bool { a.rawValue < b.rawValue }

    public static let agent = EntityType("agent")
    public static let mcp = EntityType("mcp")
    public static let browser = EntityType("browser")
    public static let jsSandbox = EntityType("js-sandbox")
    public static let inferenceServer = EntityType("inference-server")
    public static let alertRule = EntityType("alert-rule")
    public static let automation = EntityType("automation")
    public static let crawler = EntityType("crawler")
    public static let ocr = EntityType("ocr")
    public static let batch = EntityType("batch")
    /// Every type the server is known to accept today (ARCHITECTURE.md, "Facts about the API").
    public static let known: [EntityType] = [
        .agent, .mcp, .browser, .jsSandbox, .inferenceServer, .alertRule, .automation, .crawler, .ocr, .batch,
    ]
    public var isKnown: Bool { EntityType.known.contains(self) }
}

/// How an instance is bound to its node: `strict` (only there, queues while
/// it is down) or `preferred` (falls back to the default node).
public struct AssignmentMode: WireString {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let strict = AssignmentMode("strict")
    public static let preferred = AssignmentMode("preferred")
}
