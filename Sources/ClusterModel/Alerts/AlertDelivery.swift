import Foundation

/// How an alert reaches an operator who is not looking (issue 21):
/// nothing, the terminal's bell, or a desktop notification by OSC 9 or
/// OSC 777, which the operator's own terminal emulator shows even when the
/// dashboard runs on a remote host over SSH.
public enum NotifyStyle: String, Sendable, CaseIterable, Codable {
    case none, bell, osc9, osc777
}

/// The bytes of a terminal notification. Built only from visible text:
/// every control (C0, C1, DEL) and bidi control of a server's text becomes
/// a visible stand-in, and `;` (OSC 777's field separator) a comma, so no
/// ESC, BEL or ST from a node's name can end the sequence or start another.
public enum TerminalNotification {
    /// The bytes for `style`, or empty for `.none`. `inTmux`: wrapped for
    /// tmux's passthrough (`allow-passthrough on`), ESCs doubled inside.
    public static func bytes(_ style: NotifyStyle, title: String, body: String, inTmux: Bool) -> [UInt8] {
        let esc: UInt8 = 0x1B, bel: UInt8 = 0x07
        var payload: [UInt8]
        switch style {
        case .none: return []
        case .bell: return [bel]
        case .osc9: payload = [esc] + Array("]9;\(inert(title + ": " + body))".utf8) + [bel]
        case .osc777: payload = [esc] + Array("]777;notify;\(inert(title));\(inert(body))".utf8) + [bel]
        }
        return inTmux ? passthrough(payload) : payload
    }

    /// `payload` wrapped for tmux's passthrough (`allow-passthrough on`), ESCs doubled inside.
    public static func passthrough(_ payload: [UInt8]) -> [UInt8] {
        let esc: UInt8 = 0x1B
        var wrapped: [UInt8] = [esc] + Array("Ptmux;".utf8)
        for byte in payload {
            if byte == esc { wrapped.append(esc) }
            wrapped.append(byte)
        }
        return wrapped + [esc, UInt8(ascii: "\\")]
    }

    /// `text` with no control left in it, at most 200 characters.
    static func inert(_ text: String) -> String {
        TextSanitizer.excerpt(text, limit: 200).replacingOccurrences(of: ";", with: ",")
    }
}

/// The JSON object an alert hook reads on stdin: one object, keys sorted,
/// every control escaped (`JSONControlEscaping`), so a node name full of
/// escape sequences arrives as valid, inert JSON.
public struct AlertHookMessage: Codable, Sendable, Equatable {
    public var cluster: String
    public var context: String?
    public var severity: String
    public var kind: String
    public var subject: String
    public var subjects: [String]
    public var since: String
    public var text: String
    /// `fired`, `escalated` or `resolved`.
    public var state: String

    public init(_ notice: AlertNotice, cluster: String, context: String?) {
        self.cluster = cluster; self.context = context
        severity = notice.severity.word; kind = notice.kind.rawValue
        subject = notice.subject; subjects = notice.subjects
        since = WireDate.format(notice.since); text = notice.text; state = notice.change.rawValue
    }

    /// The stdin bytes: one JSON object and a newline.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return JSONControlEscaping.escape(data) + Data("\n".utf8)
    }

    /// The hook's arguments after its own: `SEVERITY KIND SUBJECT` (the subject made visible).
    public var arguments: [String] { [severity, kind, TextSanitizer.excerpt(subject, limit: 200)] }
}
