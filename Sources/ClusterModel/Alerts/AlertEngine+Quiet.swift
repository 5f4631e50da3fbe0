import Foundation

/// Acknowledging and snoozing (issue 21): what the operator says of an
/// alert, kept across restarts. An acknowledged alert stays listed but no
/// longer counts or pages until it resolves or gets worse; a snoozed one is
/// quiet until its time, then loud (and paged) again if it still holds.
extension AlertEngine {
    /// Acknowledges (or, again, un-acknowledges) an alert; `false` when there is no such alert.
    @discardableResult
    public mutating func acknowledge(_ id: String, _ on: Bool = true) -> Bool {
        guard alerts[id] != nil else { return false }
        alerts[id]?.acknowledged = on
        return true
    }

    /// Quiet until `until` (`nil`: snoozed no longer); `false` when there is no such alert.
    @discardableResult
    public mutating func snooze(_ id: String, until: Date?) -> Bool {
        guard alerts[id] != nil else { return false }
        alerts[id]?.snoozedUntil = until
        return true
    }

    /// Every acknowledgement and snooze in force, to be kept for the next
    /// start, in a stable order; entries restored but not yet seen again
    /// are kept too (the cluster was not looked at since).
    public var quietRecords: [AlertQuiet] {
        var records = restored
        for alert in alerts.values where alert.acknowledged || alert.snoozedUntil != nil {
            records[alert.id] = AlertQuiet(id: alert.id, kind: alert.kind, severity: alert.severity,
                                           acknowledged: alert.acknowledged, snoozedUntil: alert.snoozedUntil)
        }
        for alert in alerts.values where !alert.acknowledged && alert.snoozedUntil == nil { records[alert.id] = nil }
        return records.values.sorted { $0.id < $1.id }
    }

    /// Takes in what was kept from the last run, before the first look.
    public mutating func restore(_ records: [AlertQuiet]) {
        for record in records { restored[record.id] = record }
    }

    /// An alert seen for the first time since the start: quiet again if the
    /// operator had quietened it, unless it is now worse than it was then.
    mutating func applyRestored(_ alert: inout Alert) {
        guard let record = restored.removeValue(forKey: alert.id), alert.severity <= record.severity else { return }
        alert.acknowledged = record.acknowledged
        alert.snoozedUntil = record.snoozedUntil
    }

    /// Restored records of kinds looked at in fresh data and not found
    /// again: their alert resolved while nobody was watching.
    mutating func forgetRestored(seen kinds: Set<AlertKind>) {
        restored = restored.filter { !kinds.contains($0.value.kind) }
    }

    /// A snooze that ran out on an alert still firing: loud again, told once.
    mutating func endSnoozes(now: Date, notices: inout [AlertNotice]) {
        for (id, alert) in alerts {
            guard let until = alert.snoozedUntil, now >= until else { continue }
            alerts[id]?.snoozedUntil = nil
            if alert.isFiring && !alert.acknowledged {
                var told = notice(.snoozeEnded, alerts[id]!)
                told.text = "still: " + alert.text
                notices.append(told)
            }
        }
    }

    /// Drops every alert of `kind` without telling (a cluster moving to the
    /// background, whose polls can no longer judge that kind, issue 23).
    /// An acknowledgement or snooze of one is kept as after a restart, and
    /// the kind counts as not looked at yet: when the cluster is opened
    /// again it is quiet as the operator left it. (It was lost, and the
    /// first look without the instance list dropped the kept record too,
    /// emptying the acknowledgements file: the alert paged again.)
    public mutating func forget(_ kind: AlertKind) {
        for alert in alerts.values where alert.kind == kind && (alert.acknowledged || alert.snoozedUntil != nil) {
            restored[alert.id] = AlertQuiet(id: alert.id, kind: alert.kind, severity: alert.severity,
                                            acknowledged: alert.acknowledged, snoozedUntil: alert.snoozedUntil)
        }
        alerts = alerts.filter { $0.value.kind != kind }
        observed.remove(kind)
    }
}
