import ClusterTestSupport
import ClusterClient
import ClusterModel
import Foundation
import NIOSSL
import Testing

/// The client against a real HTTPS server on 127.0.0.1 (the fault server
/// behind TLS, with the self-signed certificates of `TLSFixture`): what an
/// operator gets with an untrusted certificate, a trusted one (`--ca-file`),
/// `--insecure`, a name mismatch, and http:// against a TLS port.
@Suite("HTTP client: TLS")
struct ClientTLSTests {
    /// The server's TLS configuration for one fixture certificate.
    static func serverTLS(certificate: String, key: String) throws -> TLSConfiguration {
        TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(certificate.utf8)).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(key.utf8), format: .pem)))
    }

    /// `pem` written to a temporary file, for `--ca-file`.
    static func caFile(_ pem: String) throws -> String {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("ca.pem").path
        try Data(pem.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// One overview read over TLS: the node names on success, else the error.
    func overview(
        server: TLSConfiguration, plainHTTP: Bool = false, caFile: String? = nil, insecure: Bool = false
    ) async throws -> Result<[String], ClusterError> {
        let box = ResultBox()
        try await FaultServer.with(.normal, tls: server) { url, _ in
            var target = url
            if plainHTTP, let http = URL(string: url.absoluteString.replacingOccurrences(of: "https://", with: "http://")) {
                target = http
            }
            // A failure that waited for the deadline would come back as
            // `.timedOut`, so the exact errors below also prove it did not.
            // A debug build's TLS handshake under the full suite's load took over 3 s: connect gets 10.
            try await withClient(target, timeout: 30, caFile: caFile, insecure: insecure, connectTimeout: 10) { client in
                do {
                    let fetched = try await client.reader.overview(unlessUnchangedFrom: nil)
                    await box.set(.success(fetched.value?.nodes.map(\.name) ?? []))
                } catch let error as ClusterError {
                    #expect(!error.description.contains(testToken))
                    await box.set(.failure(error))
                }
            }
        }
        return try #require(await box.value)
    }

    @Test("a self-signed certificate is refused with a hint, as unreachable (69), not by the deadline")
    func untrusted() async throws {
        let result = try await overview(server: Self.serverTLS(certificate: TLSFixture.localCertificate, key: TLSFixture.localKey))
        guard case .failure(let error) = result else { Issue.record("an untrusted certificate was accepted"); return }
        guard case .tls(let why) = error else { Issue.record("not a TLS error: \(error)"); return }
        #expect(why.hasPrefix("the certificate of https://127.0.0.1:"), "\(why)")
        #expect(why.hasSuffix(" is not trusted (use --ca-file PEM, or --insecure to skip checks)"), "\(why)")
        #expect(error.exitCode == .unreachable)
    }

    @Test("--ca-file with the server's certificate: the request goes through")
    func trustedByCAFile() async throws {
        let ca = try Self.caFile(TLSFixture.localCertificate)
        let result = try await overview(
            server: Self.serverTLS(certificate: TLSFixture.localCertificate, key: TLSFixture.localKey), caFile: ca)
        #expect(try result.get().isEmpty == false)
    }

    @Test("--insecure skips verification: the request goes through")
    func insecure() async throws {
        let result = try await overview(
            server: Self.serverTLS(certificate: TLSFixture.localCertificate, key: TLSFixture.localKey), insecure: true)
        #expect(try result.get().isEmpty == false)
    }

    @Test("a trusted certificate for another name is refused as a name mismatch")
    func wrongName() async throws {
        let ca = try Self.caFile(TLSFixture.otherCertificate)
        let result = try await overview(
            server: Self.serverTLS(certificate: TLSFixture.otherCertificate, key: TLSFixture.otherKey), caFile: ca)
        guard case .failure(let error) = result else { Issue.record("a certificate for other.example was accepted for 127.0.0.1"); return }
        guard case .tls(let why) = error else { Issue.record("not a TLS error: \(error)"); return }
        #expect(why.hasPrefix("the certificate of https://127.0.0.1:"), "\(why)")
        #expect(why.hasSuffix(" does not match its host name"), "\(why)")
    }

    @Test("http:// to a TLS port fails with a clear error, not a hang until the deadline")
    func plainHTTPToTLS() async throws {
        let result = try await overview(
            server: Self.serverTLS(certificate: TLSFixture.localCertificate, key: TLSFixture.localKey), plainHTTP: true)
        guard case .failure(let error) = result else { Issue.record("plain HTTP to a TLS port succeeded"); return }
        #expect(error.exitCode == .unreachable, "\(error)")
        #expect(error.description.contains("closed the connection before answering"), "\(error)")
    }
}

/// Carries one overview outcome out of the server's closure.
actor ResultBox {
    private(set) var value: Result<[String], ClusterError>?
    func set(_ v: Result<[String], ClusterError>) { value = v }
}
