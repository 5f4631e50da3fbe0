import ClusterClient
import ClusterModel
import Foundation
import Testing

/// The config file's `[alerts]` tables (issue 21): global settings, a
/// context's overrides over them whatever the order in the file, strict
/// errors naming the line.
@Suite struct AlertsConfigTests {
    let text = """
        current-context = "prod"

        [contexts.prod.alerts]
        instances-at-risk-for = 60
        on-alert = []

        [contexts.prod]
        url = "https://prod:3000"

        [contexts.lab]
        url = "http://lab:3000"

        [alerts]
        notify = "osc9"
        on-alert = ["/usr/local/bin/page-ops", "--team", "core"]
        node-for = 5
        flap-count = 4
        disabled = ["version-skew", "default-changed"]
        """

    @Test func theGlobalTableAppliesToEveryContext() throws {
        let config = try ClusterConfig.parse(text)
        let lab = config.alerting(for: "lab")
        #expect(lab.notify == .osc9)
        #expect(lab.onAlert == ["/usr/local/bin/page-ops", "--team", "core"])
        #expect(lab.rules.hold(.node) == 5 && lab.rules.hold(.instancesAtRisk) == 15)
        #expect(lab.rules.flapCount == 4 && lab.rules.disabled == [.versionSkew, .defaultChanged])
        #expect(config.alerting(for: nil) == lab, "--url and the demo get the global table")
    }

    /// A context's table comes first in the file here: its keys still win, the rest stays global.
    @Test func aContextsTableOverridesTheGlobalOne() throws {
        let prod = try ClusterConfig.parse(text).alerting(for: "prod")
        #expect(prod.rules.hold(.instancesAtRisk) == 60)
        #expect(prod.onAlert.isEmpty, "on-alert = [] turns the global hook off for prod")
        #expect(prod.notify == .osc9 && prod.rules.hold(.node) == 5)
    }

    @Test func noAlertsTableIsTheDefaults() throws {
        let config = try ClusterConfig.parse("[contexts.a]\nurl = \"http://a\"\n")
        #expect(config.alerting(for: "a") == AlertSettings())
    }

    /// Guards: a typo in an alert setting must not silently keep the default.
    @Test(arguments: [
        ("[alerts]\nnotify = \"desktop\"\n", "2: \"notify\" must be one of"),
        ("[alerts]\non-alert = \"/bin/page\"\n", "2: \"on-alert\" must be an array"),
        ("[alerts]\non-alert = [\"\", \"x\"]\n", "2: \"on-alert\": the program (its first item) is empty"),
        ("[alerts]\nnode-for = -1\n", "2: \"node-for\" must be a number of seconds between 0 and 86400"),
        ("[alerts]\nnodes-for = 5\n", "2: unknown key \"nodes-for\" in [alerts]"),
        ("[alerts]\ndisabled = [\"versions\"]\n", "2: unknown alert kind \"versions\""),
        ("[alerts]\nflap-count = 2.5\n", "2: \"flap-count\" must be a whole number"),
        ("[contexts.a]\nurl = \"http://a\"\n[contexts.a.alerts]\nbell = true\n", "4: unknown key \"bell\""),
        ("[alerts]\non-alert = [\"/bin/page\",\n  \"x\"]\n", "not supported"),
        ("[alerting]\n", "unknown table [alerting]"),
        ("[contexts.prod]\nurl = \"http://p\"\n[contexts.prdo.alerts]\nnode-for = 1\n", "3: [contexts.prdo.alerts] has no [contexts.prdo] table"),
    ])
    func badSettingsAreErrorsNamingTheLine(_ text: String, _ expected: String) {
        expectConfigRefused(text, saying: expected)
    }
}
