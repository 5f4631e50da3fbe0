import ClusterModel
import Foundation

/// How a custom action's run ended (issue 24), as the loop reports it.
package struct ActionResult: Sendable, Equatable {
    package var name: String
    package var subject: String
    package var mode: CustomAction.Mode
    /// The exit status; nil when it did not start (`problem` says why) or was killed by a signal.
    package var status: Int32?
    /// Why it did not start or how it ended abnormally ("stopped after 600 s", "signal 9").
    package var problem: String?
    /// Its stdout and stderr together (background only), at most `ActionResult.outputLimit` bytes, as text.
    package var output: String
    /// The output was longer and was cut.
    package var truncated = false

    /// The most output kept from one background run.
    package static let outputLimit = 64 * 1024

    package init(name: String, subject: String, mode: CustomAction.Mode, status: Int32?, problem: String? = nil, output: String = "") {
        self.name = name; self.subject = subject; self.mode = mode; self.status = status; self.problem = problem; self.output = output
    }

    /// One line: `exit 0`, `exit 2`, `did not start: …`.
    package var outcome: String {
        if let status { return "exit \(status)" }
        return problem ?? "ended without a status"
    }

    package var succeeded: Bool { status == 0 }
}

/// The output pane of a background action's run (`O` opens the last one).
package struct ActionOutputView: Sendable, Equatable {
    package var result: ActionResult
    package var scroll = 0
    /// The output as lines, every control character made visible (made once, not per frame).
    package let lines: [String]

    package init(result: ActionResult) {
        self.result = result
        lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map { TextSanitizer.visible(String($0)) }
    }
}

/// A custom action asked to confirm first (`confirm = true`): `y` runs it.
package struct ActionConfirm: Sendable, Equatable {
    package var invocation: ActionInvocation
    package init(invocation: ActionInvocation) { self.invocation = invocation }
}
