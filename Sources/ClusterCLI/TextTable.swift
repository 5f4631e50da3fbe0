import ClusterGrid
import ClusterModel

/// Aligned plain-text columns for `clustertui get -o table|wide`: a header
/// row and data rows, padded by terminal display width (the Grid's
/// `DisplayWidth`: CJK and emoji take two cells), three spaces between
/// columns, no trailing padding. Every cell is passed through
/// `TextSanitizer.visible`, so server text cannot move the cursor or
/// recolour the terminal.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ row: [String]) {
        rows.append(row.map { $0.isEmpty ? "-" : TextSanitizer.visible($0) })
    }

    func render() -> String {
        let all = [headers] + rows
        var widths = Array(repeating: 0, count: headers.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        var out = ""
        for row in all {
            var line = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                line += cell
                if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - DisplayWidth.of(cell) + 3) }
            }
            out += line + "\n"
        }
        return out
    }
}
