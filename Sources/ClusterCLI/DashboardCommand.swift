import ArgumentParser
import ClusterClient
import ClusterHistory
import ClusterModel
import ClusterRuntime
import ClusterState
import ClusterTerminal
import ClusterWrites
import Foundation

/// `clustertui` (the default subcommand): the interactive dashboard, or with
/// `--wallboard` the big-screen view. Builds the app state and runs the UI
/// loop on a thread of its own, so blocking in `poll(2)` never starves the
/// tasks that do the network work.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The live dashboard (the default when no subcommand is given).",
        discussion: "Press ? inside for every key. Exit codes: 0 ok (q), 64 usage or unusable terminal, 1 other failure, 128+N ended by signal N (130 SIGINT, 143 SIGTERM, 129 SIGHUP or the terminal closed)."
    )

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var polls: PollOptions

    @Flag(name: .customLong("read-only"), help: "Browse only: no write can be sent.")
    var readOnly = false

    @Flag(help: "Big-screen mode: read-only, no cursor, pages cycle.")
    var wallboard = false

    @Option(help: "Wallboard page-cycle period in seconds.")
    var cycle: Double = 15

    @Flag(name: .customLong("no-tick"), help: "Do not tick ages every second (very slow links).")
    var noTick = false

    @Flag(help: "No colours (also when NO_COLOR is set).")
    var monochrome = false

    @Option(name: .customLong("events-log"), help: ArgumentHelp(
        "Append every event the events pane shows to FILE, one JSON line each.", valueName: "FILE"))
    var eventsLog: String?

    @Flag(help: "Capture the mouse (off by default so text can be copied).")
    var mouse = false

    @Flag(help: ArgumentHelp(
        "For screen readers and magnifiers: the cursor on the selected row, no animation or block graphs, changes said in the status line."))
    var accessible = false

    @Flag(help: "Start on the fleet screen: every context of the config file in one table (F inside).")
    var fleet = false

    @Flag(name: .customLong("no-history"), help: ArgumentHelp(
        "Do not record this cluster's history (strips, restarts, changes) under $XDG_STATE_HOME/clustertui/history."))
    var noHistory = false

    @Option(name: .customLong("history-days"), help: "Days of recorded history kept (default 7).")
    var historyDays = 7

    @OptionGroup var journal: JournalOptions

    @OptionGroup var alerts: AlertOptions

    func validate() throws {
        if !(cycle >= 2 && cycle <= 3600) { throw ValidationError("--cycle must be 2…3600 seconds") }
        if !(1...365).contains(historyDays) { throw ValidationError("--history-days must be 1…365") }

    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        if let problem = Terminal.checkUsable(environment: environment) { throw Self.usage(problem) }
        let log: EventsLog?
        do { log = try eventsLog.map(EventsLog.init(path:)) } catch let error as ClusterError {
            throw Self.usage("clustertui: " + error.description)
        }
        let keys: (KeyMap, [CustomAction])
        do { keys = try KeyConfiguration.load() } catch let error as ClusterError {
            throw Self.usage("clustertui: " + error.description)
        }
        let link = try await CLIRun.value { try await connection.connect() }
        let config = appConfig(link: link, keys: keys)
        if wallboard && fleet && config.contexts.isEmpty {
            // An empty fleet would read ALL CLEAR whatever the open cluster does.
            throw Self.usage("clustertui: --fleet needs contexts: add [contexts.NAME] tables to \(ClusterConfig.defaultPath)")
        }
        // Read-only never constructs a writer: the factory is simply not called.
        let live = liveConnection(link, writer: config.readOnly ? nil : link.makeWriter())
        let options = TerminalOptions(
            mouse: mouse, monochrome: monochrome || environment["NO_COLOR"].map { !$0.isEmpty } == true
        )
        let outcome = await UIThread.run(config: config, link: live, options: options, eventsLog: log, noJournal: journal.noJournal)
        await live.shutdown()
        switch outcome {
        case .failure(let message):
            FileHandle.standardError.write(Data(("clustertui: " + message + "\n").utf8))
            throw ExitCode.failure
        case .finished(let status) where status != 0:
            throw ExitCode(status)
        case .finished:
            return
        }
    }

    /// Says `line` on standard error and gives the usage exit code to throw.
    private static func usage(_ line: String) -> ExitCode {
        StandardError.line(line)
        return ExitCode(ClusterError.ExitCode.usage.rawValue)
    }

    /// The dashboard's settings: the shared ones, then this command's flags and the config file's.
    private func appConfig(link: ClusterConnection, keys: (KeyMap, [CustomAction])) -> AppConfig {
        var config = AppConfig.shared(link: link, polls: polls, alerts: alerts)
        (config.keys, config.customActions) = keys
        config.readOnly = readOnly || wallboard
        config.wallboard = wallboard
        config.tick = !noTick
        config.cycle = cycle
        config.accessible = accessible
        // `fleet = true` in the config file does what --fleet does (not with the wallboard).
        config.openFleet = fleet || (!wallboard && Self.configSaysFleet())
        config.clipboard = (try? ClusterConfig.load(path: ClusterConfig.defaultPath))?.clipboard ?? false
        config.isProtected = link.isProtected
        config.recordsHistory = !noHistory
        config.historyDays = historyDays
        (config.contexts, config.currentContext) = Self.contextChoices(current: link.label)
        return config
    }

    /// The running connection, which can switch to another context of the
    /// config with this run's time-out, body limit and alert flags.
    private func liveConnection(_ link: ClusterConnection, writer: (any ClusterWriting)?) -> LiveConnection {
        let timeout = connection.timeout, maxBody = connection.maxBodyMB, alerts = self.alerts
        return LiveConnection(reader: link.reader, writer: writer, connection: link) { name in
            var arguments = ["--context", name]
            if let timeout { arguments += ["--timeout", String(timeout)] }
            if let maxBody { arguments += ["--max-body", String(maxBody)] }
            var next = try await ConnectionOptions.parse(arguments).connect(forSwitch: true)
            // The command line's alert flags hold on every cluster; the file's settings fill in the rest.
            next.alerting = alerts.over(next.alerting)
            return next
        }
    }
}

extension DashboardCommand {
    /// `fleet = true` at the top of the config file (an unreadable file says no).
    static func configSaysFleet() -> Bool {
        (try? ClusterConfig.load(path: ClusterConfig.defaultPath))?.startOnFleet ?? false
    }

    /// The config file's contexts for the `c` picker (an unreadable file
    /// gives none: the dashboard already connected, so it runs without),
    /// and the one in use when the label names it.
    static func contextChoices(current label: String) -> ([ContextChoice], String?) {
        guard let config = try? ClusterConfig.load(path: ClusterConfig.defaultPath) else { return ([], nil) }
        let choices = config.contexts.values.sorted { $0.name < $1.name }.map { context in
            let tokenFile = TokenStore.expandTilde(context.tokenFile ?? ConnectionOptions.defaultTokenFile)
            var choice = ContextChoice(name: context.name, url: context.url ?? "(no url)",
                                       hasToken: FileManager.default.isReadableFile(atPath: tokenFile))
            choice.color = context.color
            choice.isProtected = context.isProtected
            return choice
        }
        return (choices, choices.contains { $0.name == label } ? label : nil)
    }
}

/// Starts the UI loop on a dedicated thread and waits for it to end.
enum UIThread {
    /// How the loop ended: its exit status, or why the terminal could not start.
    enum Outcome: Sendable { case finished(Int32), failure(String) }

    static func run(
        config: AppConfig, link: LiveConnection, options: TerminalOptions, eventsLog: EventsLog? = nil, noJournal: Bool = false
    ) async -> Outcome {
        await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            let thread = Thread {
                continuation.resume(returning: runLoop(config: config, link: link, options: options, eventsLog: eventsLog,
                                                       noJournal: noJournal))
            }
            thread.name = "clustertui-ui"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private static func runLoop(
        config: AppConfig, link: LiveConnection, options: TerminalOptions, eventsLog: EventsLog?, noJournal: Bool
    ) -> Outcome {
        let terminal: Terminal
        do {
            terminal = try Terminal(options: options)
        } catch {
            return .failure("cannot start the terminal: \(error)")
        }
        defer { terminal.stop() }
        var config = config
        config.asciiOnly = !terminal.isUTF8
        // Issue 24: the columns chosen with `o` in earlier runs, per cluster.
        config.savedColumns = ColumnStore.load()
        let inbox = MessageInbox(wake: { Terminal.wake() })
        let size = terminal.size
        var state = AppState(
            config: config, width: size.width, height: size.height, now: Date(),
            seed: UInt64(truncatingIfNeeded: getpid()) &* 0x9E37_79B9
        )
        var runner = EffectRunner(link: link, inbox: inbox)
        // Issue 21: acknowledged alerts stay quiet across a restart.
        let store = AlertQuietStore(directory: AlertQuietStore.defaultDirectory())
        state.alerts.restore(store.load(for: link.identity.url))
        runner.alertStore = store
        runner.columnsKept = true
        runner.batches = BatchEffects(journal: config.readOnly || noJournal ? nil : WriteJournal(path: WriteJournal.defaultPath()))
        // Issue 22: every good overview poll is recorded, off the UI thread.
        if config.recordsHistory {
            runner.history = runner.makeHistoryRecorder(directory: HistoryStore.defaultDirectory(),
                                                        journalPath: WriteJournal.defaultPath())
            runner.history?.retention = Double(config.historyDays) * 86_400
        }
        return .finished(DashboardLoop(state: state, terminal: terminal, runner: runner, inbox: inbox, eventsLog: eventsLog).run())
    }
}
