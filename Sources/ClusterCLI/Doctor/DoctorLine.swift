import ClusterModel

/// One finding of `clustertui doctor`: a verdict, the check's name and one
/// sentence that says what was found and, for `warn` and `fail`, what to do.
struct DoctorLine: Sendable, Equatable {
    /// The verdict of one check.
    enum Verdict: String, Sendable {
        case ok, warn, fail
    }

    /// Longer lines are cut (whatever an error quotes, the report stays readable).
    static let maxLength = 600

    var verdict: Verdict
    var check: String
    var text: String

    static func ok(_ check: String, _ text: String) -> DoctorLine { DoctorLine(verdict: .ok, check: check, text: text) }
    static func warn(_ check: String, _ text: String) -> DoctorLine { DoctorLine(verdict: .warn, check: check, text: text) }
    static func fail(_ check: String, _ text: String) -> DoctorLine { DoctorLine(verdict: .fail, check: check, text: text) }

    /// `warn  locale     …`: verdict and check padded so the texts line up.
    /// Controls in the text (a server's or the environment's words) are made
    /// visible, and the line stays ASCII-safe to read on any terminal.
    var rendered: String {
        let verdictColumn = verdict.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
        let checkColumn = check.padding(toLength: max(check.count, 10), withPad: " ", startingAt: 0)
        let line = verdictColumn + checkColumn + " " + TextSanitizer.visible(text)
        return line.count > Self.maxLength ? String(line.prefix(Self.maxLength - 1)) + "…" : line
    }
}

/// The findings so far, printed as they come so that a slow server check
/// shows the lines before it at once.
struct DoctorReport {
    private(set) var lines: [DoctorLine] = []
    /// Where each line goes as it is added (stdout in the command, a list in tests).
    var emit: (String) -> Void

    init(emit: @escaping (String) -> Void) { self.emit = emit }

    mutating func add(_ line: DoctorLine) {
        lines.append(line)
        emit(line.rendered)
    }

    mutating func add(_ more: [DoctorLine]) { more.forEach { add($0) } }

    func count(_ verdict: DoctorLine.Verdict) -> Int { lines.count { $0.verdict == verdict } }

    var failed: Bool { count(.fail) > 0 }

    /// `12 ok, 2 warn, 0 fail`.
    var summary: String { "\(count(.ok)) ok, \(count(.warn)) warn, \(count(.fail)) fail" }
}
