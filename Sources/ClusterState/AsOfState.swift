import ClusterModel
import Foundation

/// The as-of mode's own state (issue 22): the moment shown, the cluster as
/// recorded then once the store answered, the selected row, and the prompt
/// for a typed time.
package struct AsOfState: Sendable, Equatable {
    package var at: Date
    /// `nil` until the recorder answered for `at`.
    package var view: ClusterAsOf?
    package var selected = 0
    package var typing = false
    package var text = ""
    package var error: String?

    package init(at: Date) { self.at = at }
}
