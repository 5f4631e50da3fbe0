import ClusterModel
import ClusterState
import Foundation

/// The cluster's trend as two sparklines (issue 22): nodes late or down, and
/// instances at risk, over the strip's hour, `cells` wide (each cell the
/// worst of its minutes; `·` where nothing was recorded), each followed by
/// its newest value (a flat line is drawn at full height: the number says how high).
enum TrendText {
    static func series(_ trend: [TrendPoint?], cells: Int, glyphs: Glyphs) -> (problems: String, atRisk: String) {
        let (problems, risk) = lines(trend, cells: cells, levels: glyphs.levels, missing: Character(glyphs.ghost))
        let newest = trend.last { $0 != nil } ?? nil
        func joined(_ line: String, _ value: String) -> String { line.isEmpty ? value : line + " " + value }
        return (joined(problems, newest.map { String($0.late + $0.down) } ?? "?"),
                joined(risk, newest?.atRisk.map(String.init) ?? "?"))
    }

    static func lines(_ trend: [TrendPoint?], cells: Int, levels: [Character], missing: Character) -> (String, String) {
        guard !trend.isEmpty, cells > 0 else { return ("", "") }
        let step = max(1, Int((Double(trend.count) / Double(cells)).rounded(.up)))
        let groups = stride(from: 0, to: trend.count, by: step).map { trend[$0..<min(trend.count, $0 + step)] }
        let problems: [Int?] = groups.map { group in group.compactMap { $0.map { $0.late + $0.down } }.max() }
        let risk: [Int?] = groups.map { group in group.compactMap { $0?.atRisk }.max() }
        return (Sparkline.draw(problems, levels: levels, missing: missing), Sparkline.draw(risk, levels: levels, missing: missing))
    }
}
