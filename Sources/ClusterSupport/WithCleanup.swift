/// Runs `body`, then `cleanup` on every path, returned or thrown: the one
/// shape for "use a client or connection, then always shut it down".
public func withCleanup<T>(_ body: () async throws -> T, cleanup: () async -> Void) async throws -> T {
    let result: T
    do {
        result = try await body()
    } catch {
        await cleanup()
        throw error
    }
    await cleanup()
    return result
}
