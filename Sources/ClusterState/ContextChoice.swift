import ClusterModel
import ClusterWrites
import Foundation

/// One context of the config file, as the picker lists it.
package struct ContextChoice: Sendable, Equatable {
    package var name: String
    package var url: String
    /// Whether a token file is there for it (nothing is read or shown).
    package var hasToken: Bool
    /// Its colour from the config file (issue 23), if any.
    package var color: String?
    /// `protected = true` in the config file (issue 23): writes wait for its name.
    package var isProtected = false

    package init(name: String, url: String, hasToken: Bool) {
        self.name = name; self.url = url; self.hasToken = hasToken
    }
}

/// The `c` picker: the config file's contexts, narrowed by the typed text
/// (issue 19: the node picker could be narrowed, this one could not), and
/// the one the cursor is on, as a place in the narrowed list.
package struct ContextPicker: Sendable, Equatable {
    package var selected: Int
    package var text = ""

    package init(selected: Int, text: String = "") {
        self.selected = selected; self.text = text
    }

    /// The contexts whose name or URL holds the typed text (any case), in file order.
    package func shown(_ contexts: [ContextChoice]) -> [ContextChoice] {
        guard !text.isEmpty else { return contexts }
        return contexts.filter { $0.name.localizedCaseInsensitiveContains(text) || $0.url.localizedCaseInsensitiveContains(text) }
    }
}

/// What the loop reports once a switch has connected.
package struct SwitchedContext: Sendable, Equatable {
    package var name: String
    package var label: String
    package var overviewInterval: Double?
    package var instancesInterval: Double?
    /// The new cluster's base URL, for plans and the journal.
    package var url: String = ClusterIdentity.embedded
    /// The new context does not verify TLS certificates.
    package var insecure = false
    /// The new context is `protected` (issue 23): writes wait for its name.
    package var isProtected = false
    /// The new cluster's acknowledgements and snoozes kept from earlier runs (issue 21).
    package var quietAlerts: [AlertQuiet] = []
    /// The new context's alert settings from the config file (`[contexts.NAME.alerts]`
    /// over `[alerts]`, the command line's `--notify`/`--on-alert` over both).
    package var alerting: AlertSettings?

    package init(
        name: String, label: String, overviewInterval: Double? = nil, instancesInterval: Double? = nil,
        url: String = ClusterIdentity.embedded, insecure: Bool = false
    ) {
        self.name = name; self.label = label; self.overviewInterval = overviewInterval; self.instancesInterval = instancesInterval
        self.url = url; self.insecure = insecure
    }
}
