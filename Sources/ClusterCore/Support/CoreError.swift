import ClusterModel
import Foundation

/// What the core rejects, with exactly the texts the real server sends
/// (ARCHITECTURE.md, "Facts about the API"), so the embedded core and the HTTP server fail alike.
public enum CoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 400 `Invalid entityType`.
    case invalidEntityType
    /// 400 `nodeName is required` (missing or blank after trimming).
    case nodeNameRequired
    /// 400: the entity id in the path is empty or not valid percent-encoding.
    case invalidEntityId
    /// 500 `Node "x" not found in cluster registry`.
    case unknownNode(String)
    /// 500: the store failed (disk, lock time-out…).
    case storage(String)

    public var description: String {
        switch self {
        case .invalidEntityType: return "Invalid entityType"
        case .nodeNameRequired: return "nodeName is required"
        case .invalidEntityId: return "Invalid entityId"
        case .unknownNode(let name): return "Node \"\(name)\" not found in cluster registry"
        case .storage(let why): return "Storage error: \(why)"
        }
    }

    /// The HTTP status the server answers with.
    public var httpStatus: Int {
        switch self {
        case .invalidEntityType, .nodeNameRequired, .invalidEntityId: return 400
        case .unknownNode, .storage: return 500
        }
    }

    /// The same failure as the HTTP client would report it.
    public var clusterError: ClusterError {
        httpStatus == 400 ? .badRequest(description) : .server(status: httpStatus, message: description)
    }
}
