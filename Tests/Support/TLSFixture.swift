import Foundation
import NIOSSL

/// Self-signed certificates for the TLS tests, generated once with openssl
/// (EC P-256, valid until 2126). Test-only keys: they protect nothing.
/// `local` names 127.0.0.1 and localhost; `other` names only other.example.
/// Shared by the client's TLS tests and doctor's (issue 15).
public enum TLSFixture {
    public static let localCertificate = """
-----BEGIN CERTIFICATE-----
MIIBnDCCAUGgAwIBAgIUPQznEIhDtaEzEOaOQ+YSYlaX5QkwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyOTEyMzE1NFoYDzIxMjYxMTA1
MTIzMTU0WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASRbWqrxIMf658UpQJatuJ3Av7veLOPHyBWrtnoV0MZ/UP1Wvf0cad8
qK8xgtHvNXNP8ufIr9ykEs6WZXhwReRLo28wbTAdBgNVHQ4EFgQUAjS5F6V/3diO
bpxcL9XkV37SuUUwHwYDVR0jBBgwFoAUAjS5F6V/3diObpxcL9XkV37SuUUwGgYD
VR0RBBMwEYcEfwAAAYIJbG9jYWxob3N0MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZI
zj0EAwIDSQAwRgIhALBjlzD1PvlR2x4ExEqmTl7uTSqbllj7qghbLJTamhUMAiEA
0ZfjgH0JS9Fc11i1IfybOjhauczlmU/qDCjwbISyc4o=
-----END CERTIFICATE-----
"""
    public static let localKey = """
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgEWvCMq3QjN8bhoWl
zCTCxoQS5MDhRwsTdwXE4zLCkeChRANCAASRbWqrxIMf658UpQJatuJ3Av7veLOP
HyBWrtnoV0MZ/UP1Wvf0cad8qK8xgtHvNXNP8ufIr9ykEs6WZXhwReRL
-----END PRIVATE KEY-----
"""
    public static let otherCertificate = """
-----BEGIN CERTIFICATE-----
MIIBojCCAUegAwIBAgIUdmwtwsMo0s3AYGt6EsaqPu7thPowCgYIKoZIzj0EAwIw
GDEWMBQGA1UEAwwNb3RoZXIuZXhhbXBsZTAgFw0yNjExMjkxMjMxNTRaGA8yMTI2
MTEwNTEyMzE1NFowGDEWMBQGA1UEAwwNb3RoZXIuZXhhbXBsZTBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABF/jws6XVbB0yjyzGvobdmEKDWNDNP2G55brXo5HnJg/
jtOhCzkjZBW0TwC5D/pSoNVaVzC6lMqt5XphayUssMCjbTBrMB0GA1UdDgQWBBQP
uZIwJrE00TfSpc52cZojRLWC2TAfBgNVHSMEGDAWgBQPuZIwJrE00TfSpc52cZoj
RLWC2TAYBgNVHREEETAPgg1vdGhlci5leGFtcGxlMA8GA1UdEwEB/wQFMAMBAf8w
CgYIKoZIzj0EAwIDSQAwRgIhAJX0s/UhKUv1LNJO4orkX5ImzqW5AdR4gCtsJeHs
JJagAiEAq5yKMZEGFZJo/sZFTgJ7U2pEKNg6D0LHoZAtHmOX/+U=
-----END CERTIFICATE-----
"""
    public static let otherKey = """
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgI3uxczRHiOgS2gb1
hF5QyelSi8mOJZBVCb+r+t4HOcihRANCAARf48LOl1WwdMo8sxr6G3ZhCg1jQzT9
hueW616OR5yYP47ToQs5I2QVtE8AuQ/6UqDVWlcwupTKreV6YWslLLDA
-----END PRIVATE KEY-----
"""

    /// A server configuration presenting the self-signed `local` certificate.
    public static func localServer() throws -> TLSConfiguration {
        TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(localCertificate.utf8)).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(localKey.utf8), format: .pem)))
    }
}
