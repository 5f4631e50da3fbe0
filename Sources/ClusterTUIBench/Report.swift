import Foundation

/// The figures of one run, with the targets of BENCHMARKS.md, printed as a
/// table for people or one JSON object for machines.
struct Report {
    let quick: Bool
    private(set) var values: [String: Double] = [:]
    private(set) var order: [String] = []

    init(quick: Bool) { self.quick = quick }

    mutating func set(_ key: String, _ value: Double) {
        if values[key] == nil { order.append(key) }
        values[key] = value
    }

    /// A figure's target as text, and whether the measured value meets it.
    func target(_ key: String) -> (text: String, met: Bool)? {
        guard let v = values[key], !v.isNaN else { return nil }
        func le(_ limit: Double, _ text: String) -> (String, Bool) { (text, v <= limit) }
        switch key {
        case "poll_unchanged_ms_s2": return le(30, "≤ 30 ms")
        case "poll_changed_ms_s2":
            guard let d = values["jsondecoder_ms_s2"] else { return nil }
            return le(1.2 * d, String(format: "≤ 1.2 × decoder = %.0f ms", 1.2 * d))
        case "poll_changed_ms_s1": return le(15, "≤ 15 ms")
        case "keystroke_p99_ms_s2": return le(8, "≤ 8 ms")
        case "keystroke_palette_p99_ms_s2": return le(8, "≤ 8 ms")
        case "fleet_first_frame_ms_20": return le(250, "≤ 250 ms")
        case "fleet_complete_s_20": return le(10, "≤ one background poll (10 s)")
        case "fleet_rss_mb_20": return le(60, "≤ 60 MB")
        case "fleet_idle_cpu_pct_20": return le(2, "≤ 2 %")
        case "fleet_overview_req_per_min_background_max": return le(6, "≤ 6 a minute")
        case "fleet_instance_requests_background": return le(0, "none")
        case "fleet_drill_in_ms": return le(250, "≤ 250 ms")
        // Our own targets for the merged instance table (issue 23 names none): the lists within one background poll, the fleet's memory.
        case "fleet_merged_instances_complete_s_20": return le(10, "≤ one background poll (10 s)")
        case "fleet_merged_instances_rss_mb_20": return le(60, "≤ 60 MB (the fleet's)")
        case "fleet_merged_filter_key_ms_20": return le(50, "≤ 50 ms (38,000 rows rescanned)")
        case "fleet_merged_sort_ms_20": return le(100, "≤ 100 ms (38,000 rows sorted)")
        case "wire_ratio_instances_poll_s2": return le(0.15, "≤ 0.15 of the uncompressed body")
        case "poll_changed_ms_s2_gzip":
            guard let d = values["jsondecoder_ms_s2"] else { return nil }
            return le(0.6 * d, String(format: "≤ 0.6 × decoder = %.0f ms", 0.6 * d))
        case "dead_node_detect_s_1s": return le(4.5, "≤ 1.5 × 1 s + 2 s poll + 1 s = 4.5 s (worst sample)")
        case "dead_node_detect_s_2s": return le(6, "≤ 1.5 × 2 s + 2 s poll + 1 s = 6 s (worst sample)")
        case "dead_node_detect_s_10s": return le(18, "≤ 1.5 × 10 s + 2 s poll + 1 s = 18 s (worst sample)")
        case "dead_node_hook_s_1s": return le(5.5, "≤ 1.5 × 1 s + 2 s poll + 1 s + 1 s = 5.5 s (worst sample)")
        case "dead_node_hook_s_10s": return le(19, "≤ 1.5 × 10 s + 2 s poll + 1 s + 1 s = 19 s (worst sample)")
        case "alert_mass_failure_notifications_s2": return le(3, "≤ 3 in the first minute")
        case "alert_mass_failure_hook_runs_s2": return le(3, "≤ 3 in the first minute")
        case "idle_bytes_per_s_s1":
            let base = values["redraw_baseline_bytes_per_s_s1"] ?? .infinity
            let limit = min(400, 0.05 * base)
            return le(limit, String(format: "≤ 400 B/s and ≤ 5 %% of baseline (= %.0f)", limit))
        case "idle_cpu_pct_s1": return le(1, "≤ 1 %")
        case "rss_mb_s1": return le(30, "≤ 30 MB")
        case "rss_mb_s2": return le(300, "≤ 300 MB")
        case "first_frame_ms": return le(250, "≤ 250 ms")
        case "first_frame_ms_7d_history": return le(250, "≤ 250 ms")
        case "history_ui_ms_s2": return le(0.5, "≤ 0.5 ms")
        case "history_rss_growth_mb_s2": return le(20, "≤ 20 MB")
        case "history_disk_mb_s2_24h": return le(20, "≤ 20 MB")
        case "history_flapping_kb_per_day": return le(100, "≤ 100 KB (a restart a minute)")
        case "overview_req_per_min": return le(30, "≤ 30")
        case "instances_req_per_min": return le(2, "≤ 2")
        default: return nil
        }
    }

    func table() -> String {
        var lines = ["clustertui-bench\(quick ? " --quick" : "") — BENCHMARKS.md figures (release, \(ProcessInfo.processInfo.activeProcessorCount) cores)", ""]
        let width = (order.map(\.count).max() ?? 10) + 2
        for key in order {
            let v = values[key] ?? .nan
            let value = String(format: v >= 100 ? "%.0f" : "%.2f", v)
            var line = key.padding(toLength: width, withPad: " ", startingAt: 0) + value.leftPad(12)
            if let t = target(key) { line += "   " + t.text + (t.met ? "   ok" : "   MISSED") }
            lines.append(line)
        }
        let judged = order.compactMap { target($0) }
        lines.append("")
        lines.append("\(judged.filter(\.met).count) of \(judged.count) targets met")
        return lines.joined(separator: "\n")
    }

    func json() -> String {
        var parts: [String] = []
        for key in order {
            let v = values[key] ?? .nan
            parts.append("\"\(key)\":" + (v.isFinite ? String(format: "%.3f", v) : "null"))
        }
        let met = order.compactMap { key in target(key).map { "\"\(key)\":\($0.met)" } }
        parts.append("\"quick\":\(quick)")
        parts.append("\"targets_met\":{" + met.joined(separator: ",") + "}")
        return "{" + parts.joined(separator: ",") + "}"
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
