import ClusterModel
import Foundation
import Hummingbird

/// The Cluster API routes: the four cluster endpoints behind the session
/// cookie, login, and liveness. Status codes and error bodies follow ARCHITECTURE.md, "Facts about the API".
struct ClusterRoutes: Sendable {
    let cluster: EmbeddedCluster
    let auth: SessionAuth
    let cache = EncodedBodyCache()

    func add(to router: Router<BasicRequestContext>) {
        router.get("/api/health/live") { _, _ in JSONReply.ok(["status": "ok"]) }
        router.post("/api/auth/login") { request, _ in await login(request) }
        router.get("/api/cluster/overview") { request, _ in
            await authorized(request) { _ in try await overview(gzip: GzipEncoding.accepts(request)) }
        }
        router.get("/api/cluster/instances") { request, _ in
            await authorized(request) { _ in try await instances(gzip: GzipEncoding.accepts(request)) }
        }
        router.put("/api/cluster/assignments/:entityType/:entityId") { request, context in
            await authorized(request) { user in try await put(request, context, user: user) }
        }
        router.delete("/api/cluster/assignments/:entityType/:entityId") { request, context in
            await authorized(request) { user in try await delete(context, user: user) }
        }
    }

    /// Runs `body` for a valid session, else answers 401 (`Authentication required`
    /// without a cookie, `Invalid or expired token` with a bad one); maps core errors to their statuses.
    func authorized(_ request: Request, _ body: (String) async throws -> Response) async -> Response {
        let cookie = request.cookies["token"]?.value
        guard let user = auth.user(forToken: cookie) else {
            return cookie == nil ? JSONReply.unauthorized : JSONReply.invalidToken
        }
        do {
            return try await body(user)
        } catch let error as CoreError {
            return JSONReply.failure(error)
        } catch {
            return JSONReply.failure(500, "Internal error")
        }
    }

    func overview(gzip: Bool) async throws -> Response {
        let (value, digest) = try await cluster.overviewSnapshot(unlessUnchangedFrom: nil)
        guard let value else { return JSONReply.failure(500, "Internal error") }
        return try cached("overview", digest: digest, gzip: gzip) { try JSONReply.body(value) }
    }

    func instances(gzip: Bool) async throws -> Response {
        let (value, digest) = try await cluster.instancesSnapshot(unlessUnchangedFrom: nil)
        guard let value else { return JSONReply.failure(500, "Internal error") }
        return try cached("instances", digest: digest, gzip: gzip) { try JSONReply.body(value) }
    }

    /// A GET body from the cache, encoded once per state; gzipped once per
    /// state too when asked (23 MB at S2 takes a good part of a second to gzip).
    func cached(_ key: String, digest: BodyDigest, gzip: Bool, encode: () throws -> ByteBuffer) throws -> Response {
        let plain = try cache.body(for: key, digest: digest, make: encode)
        guard gzip else { return JSONReply.response(.ok, plain) }
        let compressed = try cache.body(for: key + ".gz", digest: digest) { try GzipEncoding.compress(plain) }
        return JSONReply.response(.ok, compressed, headers: [.contentEncoding: "gzip", .vary: "Accept-Encoding"])
    }

    /// The entity from the path: both segments percent-decoded, each exactly one
    /// segment of the raw path (an encoded `/` stays inside the id).
    func entityKey(_ context: BasicRequestContext) throws(CoreError) -> EntityKey {
        guard let rawType = context.parameters.get("entityType"), let rawId = context.parameters.get("entityId"),
              let type = rawType.removingPercentEncoding
        else { throw .invalidEntityType }
        guard EntityType(type).isKnown else { throw .invalidEntityType }
        guard let id = rawId.removingPercentEncoding, !id.isEmpty else { throw .invalidEntityId }
        return EntityKey(EntityType(type), id)
    }

    func put(_ request: Request, _ context: BasicRequestContext, user: String) async throws -> Response {
        let key = try entityKey(context)
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        let data = Data(buffer.readableBytesView)
        // An empty or non-object body reads as `{}` (so: `nodeName is required`), as
        // behind a JSON body parser; only bytes that are not JSON at all are refused as such.
        var json: [String: Any] = [:]
        if !data.isEmpty {
            guard let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
                return JSONReply.failure(400, "Invalid JSON body")
            }
            json = parsed as? [String: Any] ?? [:]
        }
        let assignment = try await cluster.setAssignment(
            key, nodeName: json["nodeName"] as? String, mode: json["mode"] as? String, actor: user)
        return JSONReply.ok(SetAssignmentResponse(assignment: assignment))
    }

    func delete(_ context: BasicRequestContext, user: String) async throws -> Response {
        let key = try entityKey(context)
        let removed = try await cluster.deleteAssignment(key, actor: user)
        return JSONReply.ok(DeleteAssignmentResponse(removed: removed))
    }

    func login(_ request: Request) async -> Response {
        let buffer = try? await request.body.collect(upTo: 64 * 1024)
        let json = buffer.flatMap { try? JSONSerialization.jsonObject(with: Data($0.readableBytesView)) } as? [String: Any]
        guard let email = json?["email"] as? String, let password = json?["password"] as? String,
              !email.isEmpty, !password.isEmpty
        else { return JSONReply.failure(400, "email and password are required") }
        switch auth.login(email: email, password: password) {
        case .success(let token):
            let cookie = "token=\(token); Path=/; HttpOnly; SameSite=Strict"
            return JSONReply.ok(["ok": true], headers: [.setCookie: cookie])
        case .rejected:
            return JSONReply.failure(401, "Invalid email or password")
        case .rateLimited(let seconds):
            return JSONReply.failure(
                429, "Too many login attempts", message: "Try again in \(seconds) seconds",
                headers: [.retryAfter: String(seconds)])
        }
    }
}
