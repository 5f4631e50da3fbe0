import ClusterModel
import ClusterRuntime
import Foundation

/// A protected context's writes from the command line (issue 23): sent only
/// when its name is given with `--confirm-context` or typed at the prompt
/// on a terminal; `--yes` alone does not do it, and a script without the
/// flag is refused (exit 64) before anything is sent.
enum ProtectedGate {
    static func check(_ link: ClusterConnection, _ options: JournalOptions) throws {
        guard link.isProtected else { return }
        let name = link.target.context ?? link.label
        let shown = TextSanitizer.visible(name)
        if let given = options.confirmContext {
            guard given == name else {
                throw CommandFailure(description: "--confirm-context \(TextSanitizer.visible(given)) does not name this context (\(shown)); nothing was sent",
                                     exitCode: .usage)
            }
            return
        }
        guard PasswordPrompt.stdinIsTerminal else {
            throw CommandFailure(description: "\(shown) is protected: pass --confirm-context \(shown) to write to it; nothing was sent",
                                 exitCode: .usage)
        }
        let typed = try PasswordPrompt.readLine(prompt: "\(shown) is protected: type its name to send: ", secret: false)
        guard typed.trimmingCharacters(in: .whitespaces) == name else {
            throw CommandFailure(description: "not confirmed (the name did not match); nothing was sent", exitCode: .failure)
        }
    }
}
