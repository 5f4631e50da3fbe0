import Foundation

/// The bytes that put text on the clipboard of the operator's own terminal
/// (OSC 52, issue 24), even over SSH: `ESC ] 52 ; c ; base64 BEL`, wrapped
/// for tmux's passthrough when inside tmux. The text is base64, so nothing
/// in it can end the sequence; callers copy only visible text.
public enum TerminalClipboard {
    /// The most copied at once: terminals refuse (or truncate) larger payloads.
    public static let limit = 64 * 1024

    public static func bytes(_ text: String, inTmux: Bool) -> [UInt8] {
        // Cut on a character, never inside one.
        var cut = Substring(text)
        while cut.utf8.count > limit { cut = cut.dropLast(max(1, (cut.utf8.count - limit) / 4)) }
        let payload: [UInt8] = [0x1B] + Array("]52;c;\(Data(cut.utf8).base64EncodedString())".utf8) + [0x07]
        return inTmux ? TerminalNotification.passthrough(payload) : payload
    }
}
