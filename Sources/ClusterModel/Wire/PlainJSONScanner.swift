/// A forward-only reader of JSON bytes for `InstanceListDecoder`'s fast path.
///
/// It knows only what that path needs: whitespace, punctuation, strings (with
/// every escape, strict UTF-8) and skipping any value while checking its
/// syntax. Every method answers `nil`/`false` at the first byte it is not
/// sure of; the caller then gives the whole body to `JSONDecoder`, which
/// decides and words the error. So the scanner never has to be lenient, and
/// never has to say what went wrong.
struct PlainJSONScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    var at = 0
    /// Scratch for strings with escapes, reused across strings.
    private var unescaped: [UInt8] = []

    init(_ base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.end = count
    }

    /// Nesting limit for skipped values; deeper bodies go to `JSONDecoder`.
    static let maxDepth = 256

    var isAtEnd: Bool { at >= end }

    @inline(__always)
    mutating func skipWhitespace() {
        while at < end {
            switch base[at] {
            case 0x20, 0x0A, 0x0D, 0x09: at += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, not consumed.
    @inline(__always)
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return at < end ? base[at] : nil
    }

    /// Consumes `byte` (after whitespace) if it is next.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard at < end, base[at] == byte else { return false }
        at += 1
        return true
    }

    /// Consumes the literal `word` (`true`, `false`, `null`) if it is next.
    mutating func consumeLiteral(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard end - at >= n else { return false }
        for i in 0..<n where base[at + i] != word.utf8Start[i] { return false }
        at += n
        return true
    }

    /// An ASCII key without escapes as a span of the body (the opening quote
    /// is next); `nil` for a key with a backslash, a control byte or any
    /// non-ASCII byte (not worth validating: the server's keys are ASCII).
    mutating func rawKey() -> (start: Int, count: Int)? {
        guard consume(0x22) else { return nil }
        let start = at
        while at < end {
            let b = base[at]
            if b == 0x22 {
                at += 1
                return (start, at - 1 - start)
            }
            if b == 0x5C || b < 0x20 || b >= 0x80 { return nil }
            at += 1
        }
        return nil
    }

    /// Whether the span equals `word`.
    @inline(__always)
    func spanEquals(_ span: (start: Int, count: Int), _ word: StaticString) -> Bool {
        guard span.count == word.utf8CodeUnitCount else { return false }
        for i in 0..<span.count where base[span.start + i] != word.utf8Start[i] { return false }
        return true
    }

    /// A string value (the opening quote is next), decoded; `nil` for
    /// invalid UTF-8, a raw control byte, a bad escape or a lone surrogate.
    mutating func string() -> String? {
        guard consume(0x22) else { return nil }
        let start = at
        var ascii = true
        while at < end {
            let b = base[at]
            if b == 0x22 {
                let span = UnsafeBufferPointer(start: base + start, count: at - start)
                at += 1
                if ascii { return String(decoding: span, as: UTF8.self) }
                return String(validating: span, as: UTF8.self)
            }
            if b == 0x5C { return escapedString(from: start) }
            if b < 0x20 { return nil }
            if b >= 0x80 { ascii = false }
            at += 1
        }
        return nil
    }

    /// The rest of a string that has escapes: bytes are copied into the
    /// scratch buffer with escapes decoded, then validated as UTF-8.
    private mutating func escapedString(from start: Int) -> String? {
        unescaped.removeAll(keepingCapacity: true)
        unescaped.append(contentsOf: UnsafeBufferPointer(start: base + start, count: at - start))
        while at < end {
            let b = base[at]
            at += 1
            switch b {
            case 0x22:
                return String(validating: unescaped, as: UTF8.self)
            case 0x5C:
                guard at < end else { return nil }
                let e = base[at]
                at += 1
                switch e {
                case 0x22, 0x5C, 0x2F: unescaped.append(e)
                case 0x62: unescaped.append(0x08)
                case 0x66: unescaped.append(0x0C)
                case 0x6E: unescaped.append(0x0A)
                case 0x72: unescaped.append(0x0D)
                case 0x74: unescaped.append(0x09)
                case 0x75:
                    guard let scalar = unicodeEscape() else { return nil }
                    appendUTF8(scalar)
                default: return nil
                }
            default:
                if b < 0x20 { return nil }
                unescaped.append(b)
            }
        }
        return nil
    }

    /// After `\u`: four hex digits, and for a high surrogate the `\uDC00…`
    /// that must follow it.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        switch high {
        case 0xD800...0xDBFF:
            guard end - at >= 2, base[at] == 0x5C, base[at + 1] == 0x75 else { return nil }
            at += 2
            guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00...0xDFFF:
            return nil
        default:
            return Unicode.Scalar(high)
        }
    }

    private mutating func hex4() -> UInt32? {
        guard end - at >= 4 else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = base[at]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
            at += 1
        }
        return v
    }

    private mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        for unit in UTF8.encode(scalar)! { unescaped.append(unit) }
    }

    /// Skips one value of any kind, checking its syntax strictly; `false`
    /// when it is not plainly valid JSON.
    mutating func skipValue(depth: Int = 0) -> Bool {
        guard depth < Self.maxDepth, let b = peek() else { return false }
        switch b {
        case 0x22: return string() != nil
        case 0x7B: return skipObject(depth: depth)
        case 0x5B: return skipArray(depth: depth)
        case 0x74: return consumeLiteral("true")
        case 0x66: return consumeLiteral("false")
        case 0x6E: return consumeLiteral("null")
        case 0x2D, 0x30...0x39: return skipNumber()
        default: return false
        }
    }

    private mutating func skipObject(depth: Int) -> Bool {
        at += 1
        if consume(0x7D) { return true }
        repeat {
            guard peek() == 0x22, string() != nil, consume(0x3A), skipValue(depth: depth + 1) else { return false }
        } while consume(0x2C)
        return consume(0x7D)
    }

    private mutating func skipArray(depth: Int) -> Bool {
        at += 1
        if consume(0x5D) { return true }
        repeat {
            guard skipValue(depth: depth + 1) else { return false }
        } while consume(0x2C)
        return consume(0x5D)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func skipNumber() -> Bool {
        func digits(_ s: inout PlainJSONScanner) -> Int {
            let from = s.at
            while s.at < s.end, (0x30...0x39).contains(s.base[s.at]) { s.at += 1 }
            return s.at - from
        }
        if base[at] == 0x2D { at += 1 }
        guard at < end else { return false }
        if base[at] == 0x30 {
            at += 1
        } else if digits(&self) == 0 {
            return false
        }
        if at < end, base[at] == 0x2E {
            at += 1
            guard digits(&self) > 0 else { return false }
        }
        if at < end, base[at] == 0x65 || base[at] == 0x45 {
            at += 1
            if at < end, base[at] == 0x2B || base[at] == 0x2D { at += 1 }
            guard digits(&self) > 0 else { return false }
        }
        // A number runs into the next token only through a delimiter.
        if at < end {
            switch base[at] {
            case 0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09: break
            default: return false
            }
        }
        return true
    }
}
