import Hummingbird

/// Answers unknown paths with a JSON 404 body (`{"error":"Not Found"}`)
/// instead of an empty one, like the rest of the API's errors.
struct NotFoundMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return JSONReply.failure(404, "Not Found")
        }
    }
}
