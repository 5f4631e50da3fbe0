import ClusterClient
import ClusterModel
import Foundation

/// Doctor's clipboard line (issue 24): whether `y`/`Y` copy (the config's
/// `clipboard = "osc52"`), and inside tmux whether the copy gets through
/// (tmux's `allow-passthrough`, asked as for notifications).
enum ClipboardCheck {
    static func line(configPath: String, environment: [String: String]) -> DoctorLine {
        guard (try? ClusterConfig.load(path: configPath))?.clipboard == true else {
            return .ok("clipboard", "off: y/Y copy nothing; clipboard = \"osc52\" at the top of the config file turns them on")
        }
        guard let socket = environment["TMUX"], !socket.isEmpty else {
            return .ok("clipboard", "osc52: y/Y copy through your terminal, which may ask first or refuse "
                + "(xterm: allowWindowOps; most others accept it)")
        }
        switch TmuxChecks.ask(environment: environment) {
        case .value(let v) where v == "on" || v == "all":
            return .ok("clipboard", "osc52 through tmux (allow-passthrough is \(v)): y/Y reach your terminal")
        default:
            return .warn("clipboard", "osc52, but tmux drops it unless allow-passthrough is on: "
                + "run `tmux set -g allow-passthrough on` (and add it to ~/.tmux.conf)")
        }
    }
}
