import ClusterGrid

/// The one text field (issue 19: text input was written four times with
/// different keys): the filter prompt, the rebind and bulk forms' pickers,
/// the plan view's file name and the context picker all edit their text
/// with the same keys — printable characters, Backspace, Ctrl-U (clear),
/// Ctrl-W (delete the last word).
package enum TextEditing {
    /// What a key did to a one-line prompt.
    package enum PromptKey { case submit, cancel, edited, ignored }

    /// A one-line prompt's keys: Enter submits, Esc cancels, the editing keys edit `text`.
    package static func prompt(_ key: Key, text: inout String, limit: Int) -> PromptKey {
        switch key {
        case .enter: return .submit
        case .escape: return .cancel
        default: return apply(key, to: &text, limit: limit) ? .edited : .ignored
        }
    }

    /// The editing keys, as the help and README list them.
    package static let label = "type  Backspace  Ctrl-U  Ctrl-W"

    /// Whether `key` is an editing key (so it belongs to the field, not to the screen).
    package static func isEditingKey(_ key: Key) -> Bool {
        switch key {
        case .backspace, .ctrl("u"), .ctrl("w"): true
        case .char(let c): !c.isNewline && !(c.unicodeScalars.first.map { $0.value < 0x20 || $0.value == 0x7F } ?? true)
        default: false
        }
    }

    /// Applies an editing key to `text` (at most `limit` characters); returns
    /// false, leaving `text` alone, for any other key.
    @discardableResult
    package static func apply(_ key: Key, to text: inout String, limit: Int) -> Bool {
        guard isEditingKey(key) else { return false }
        switch key {
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .ctrl("u"):
            text = ""
        case .ctrl("w"):
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { text.removeLast() }
        case .char(let c):
            if text.count < limit { text.append(c) }
        default:
            break
        }
        return true
    }
}
