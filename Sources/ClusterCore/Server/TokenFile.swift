import Foundation

/// The `--token-file` contract: use the token in the file if it exists,
/// else generate one and write it there with mode 0600.
public enum TokenFile {
    /// Returns the token; the file's contents are trimmed of whitespace.
    public static func loadOrCreate(at path: String) throws(CoreError) -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            guard let data = fm.contents(atPath: path) else { throw .storage("cannot read token file \(path)") }
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty, token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != ";" && $0 != "," })
            else { throw .storage("token file \(path) is empty or holds characters not allowed in a cookie") }
            return token
        }
        let token = SessionAuth.randomToken()
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw .storage("cannot create token file \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array((token + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw .storage("cannot write token file \(path)") }
        return token
    }
}
