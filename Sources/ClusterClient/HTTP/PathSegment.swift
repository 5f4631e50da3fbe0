/// Percent-encoding of one URL path segment.
///
/// Entity ids contain `:` and may contain `/ ? # %`, spaces and any
/// Unicode; every byte of the UTF-8 form that is not an RFC 3986
/// "unreserved" character (`A-Z a-z 0-9 - . _ ~`) is encoded, so the id
/// always travels as exactly one segment and round-trips unchanged. The
/// dot-segments `.` and `..` are encoded too.
public enum PathSegment {
    public static func encode(_ segment: String) -> String {
        // "." and ".." are dot-segments that URL normalisation (in proxies,
        // for instance) would remove; encoding their dots keeps them data.
        if segment == "." { return "%2E" }
        if segment == ".." { return "%2E%2E" }
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(segment.utf8.count * 3)
        for b in segment.utf8 {
            if isUnreserved(b) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
