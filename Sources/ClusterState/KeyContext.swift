import Foundation

/// What the screen shows now, and so which keys may act (issue 19: a key
/// acts only on what is drawn). Below the minimum size the screen says
/// "too small" and nothing else is drawn, so only quit and repaint act:
/// `x` then `y` there once sent a DELETE through a confirmation nobody saw.
package enum KeyContext: Equatable, Sendable {
    /// Below `Layout.minWidth`×`Layout.minHeight`: `q`, Ctrl-C, Ctrl-L.
    case tooSmall
    /// The big-screen view: `q`, Ctrl-C, Ctrl-L (terminal replies may arrive as keys).
    case wallboard
    /// The top overlay (a form, a picker, the plan view, details, help) takes the keys.
    case overlay
    /// The `/` prompt takes the keys.
    case filterPrompt
    /// The panes.
    case main
}

extension AppState {
    /// The context the next key is handled in.
    package var keyContext: KeyContext {
        if width < Layout.minWidth || height < Layout.minHeight { return .tooSmall }
        if config.wallboard { return .wallboard }
        if topOverlay != nil { return .overlay }
        if editingFilter != nil { return .filterPrompt }
        return .main
    }
}
