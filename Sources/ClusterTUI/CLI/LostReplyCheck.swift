import ClusterClient
import ClusterModel
import Foundation

/// What the CLI does when a write's reply was lost (issue 13): re-read the
/// overview at once and let `WriteCheck` say whether the write landed.
/// Applied → the stored row (success); not applied → `notApplied` (exit 69,
/// safe to retry); re-read impossible → `outcomeUnknown` (exit 75) with how
/// to check by hand.
enum LostReplyCheck {
    static func resolve(
        _ reader: any ClusterReading, lost why: String, _ check: (Overview) -> WriteCheck
    ) async throws -> Assignment? {
        StandardError.line("clustertui: the reply was lost (\(ReplyText.oneLine(why))); checking whether it was applied…")
        let overview: Overview
        do {
            overview = try await reader.overview()
        } catch let error as ClusterError {
            throw ClusterError.outcomeUnknown(
                "\(ReplyText.oneLine(why)); re-reading failed too: \(ReplyText.oneLine(error.description)). "
                + "Check with `clustertui get overview -o json` before retrying")
        }
        switch check(overview) {
        case .applied(let row):
            return row
        case .notApplied(let current):
            let now = current.map { "bound to \($0.nodeName) (\($0.mode))" } ?? "following the default node"
            // After a time-out the server may still be working on the request.
            let advice = why.contains("took longer than")
                ? "the request timed out and may still be applied: re-check before retrying" : "safe to retry"
            throw ClusterError.notApplied("the reply was lost and a re-read shows it still \(now); \(advice)")
        }
    }

    /// Appended to the success line of a write confirmed by re-reading.
    static let confirmedNote = " (applied; the reply was lost, confirmed by re-reading)"
}
