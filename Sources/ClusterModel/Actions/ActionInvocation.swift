import Foundation

/// A custom action made ready to run: its argv with every placeholder
/// replaced by exactly one value, and what goes to its stdin (issue 24).
/// Made only through `prepare`, which refuses rather than guess.
public struct ActionInvocation: Sendable, Equatable {
    public var action: CustomAction
    /// What the run is on, for the events pane: `node worker-03`, `3 marked`.
    public var subject: String
    public var argv: [String]
    /// The marked rows as a JSON array (scope `marked`); empty otherwise.
    public var stdin: Data

    /// Fills `action.argv` from `values`; a literal item is passed as it is,
    /// a `{field}` item becomes that field's value as one argument. Refused
    /// (with a line for the operator) when a field has no value or a value
    /// its field does not accept.
    public static func prepare(
        _ action: CustomAction, subject: String, values: [ActionField: String], stdin: Data = Data()
    ) -> Result<ActionInvocation, ActionRefusal> {
        var argv: [String] = []
        argv.reserveCapacity(action.argv.count)
        for item in action.argv {
            guard let field = ActionField.placeholder(item) else { argv.append(item); continue }
            guard let value = values[field] else {
                return .failure(ActionRefusal("\(action.name): \(subject) has no \(field.rawValue)"))
            }
            if let problem = field.problem(with: value) {
                return .failure(ActionRefusal(
                    "\(action.name) refused: {\(field.rawValue)} of \(subject) = \(TextSanitizer.excerpt(value, limit: 40)): \(problem)"))
            }
            argv.append(value)
        }
        return .success(ActionInvocation(action: action, subject: subject, argv: argv, stdin: stdin))
    }
}

/// Why a custom action did not run, as one line for the operator.
public struct ActionRefusal: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
