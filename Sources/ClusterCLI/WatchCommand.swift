import ArgumentParser
import ClusterClient
import ClusterModel
import ClusterRuntime
import ClusterState
import Dispatch
import Foundation
import Glibc

/// `clustertui watch` (issue 21): the alert engine without a terminal, for
/// systemd, cron or a CI job. Polls like the dashboard (same engine, same
/// back-off, reconnecting forever), prints each alert and resolve that
/// pages as a line on stdout, runs the hook and notifications as
/// configured, keeps acknowledgements made in the dashboard, and ends with
/// exit 0 on SIGTERM or SIGINT.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch the cluster without a terminal: alerts and resolves as lines (JSON lines with -o json).",
        discussion: """
            Runs the dashboard's alert engine headless and prints one line per alert and resolve: \
            TIME SEVERITY KIND SUBJECT: TEXT (RESOLVED for a resolve), or with -o json the hook's JSON \
            object with an "at" time. Alerts acknowledged or snoozed in the dashboard before watch \
            started stay quiet. Needs --url, --context or a current-context (never the demo core). \
            --on-alert and --notify (or on-alert and notify in the config file) apply as in the \
            dashboard; terminal notifications are written only when stdout is a terminal. Never exits \
            on a lost connection: it retries with back-off and says so once. Ends cleanly (0) on \
            SIGTERM or SIGINT.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var polls: PollOptions
    @OptionGroup var alerts: AlertOptions

    @Option(name: .shortAndLong, help: "Output: text or json (one JSON object per line).")
    var output: WatchLine.Format = .text

    func run() async throws {
        // Under systemd or cron a missing HOME would otherwise watch the demo core and page with its alerts.
        guard try await CLIRun.value({ try connection.resolve() }) != nil else {
            StandardError.line("clustertui: watch needs a cluster: --url URL, --context NAME or current-context in "
                + ClusterConfig.defaultPath)
            throw ExitCode(ClusterError.ExitCode.usage.rawValue)
        }
        let link = try await CLIRun.value { try await connection.connect() }
        var config = AppConfig.shared(link: link, polls: polls, alerts: alerts)
        config.readOnly = true
        let live = LiveConnection(reader: link.reader, writer: nil, connection: link)
        StandardError.line("clustertui: watching \(TextSanitizer.excerpt(link.label, limit: 120)); alerts follow on stdout")
        let format = output, settings = config
        let status = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let thread = Thread {
                continuation.resume(returning: Self.runLoop(config: settings, link: live, format: format))
            }
            thread.name = "clustertui-watch"
            thread.start()
        }
        await live.shutdown()
        if status != 0 { throw ExitCode(status) }
    }

    /// The loop on a thread of its own: it blocks on a semaphore between polls.
    private static func runLoop(config: AppConfig, link: LiveConnection, format: WatchLine.Format) -> Int32 {
        let wake = DispatchSemaphore(value: 0)
        let inbox = MessageInbox(wake: { wake.signal() })
        var state = AppState(config: config, width: 80, height: 24, now: Date())
        let runner = EffectRunner(link: link, inbox: inbox)
        // Acknowledgements are read at start, never written: the dashboard owns
        // them, and a watch saving its own view would erase newer ones.
        let store = AlertQuietStore(directory: AlertQuietStore.defaultDirectory())
        state.alerts.restore(store.load(for: link.identity.url))
        let toTerminal: (([UInt8]) -> Void)? = isatty(STDOUT_FILENO) == 1
            ? { bytes in StandardOutput.write(String(decoding: bytes, as: UTF8.self)) } : nil
        let loop = WatchLoop(
            state: state, runner: runner, inbox: inbox, wake: wake, format: format,
            output: { StandardOutput.write($0) }, problem: { StandardError.line("clustertui: " + $0) },
            notifyTerminal: toTerminal)
        return loop.run()
    }
}

extension WatchLine.Format: ExpressibleByArgument {}
