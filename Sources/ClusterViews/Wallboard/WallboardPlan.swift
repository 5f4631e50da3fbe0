import ClusterState

/// Where each part of the wallboard goes for a screen size: the rows of the
/// banner, the summary band, the context line, the lists and the ticker.
/// Every part has a size below which it shrinks or is dropped, so any size
/// (down to 1×1) yields a valid plan with rows inside the screen.
package struct WallboardPlan: Equatable {
    package var bannerTop = 0
    package var bannerRows = 0
    package var bandTop = 0
    package var bandRows = 0
    /// -1 when there is no room for it.
    package var contextRow = -1
    /// The alert band (issue 21); -1 when there is no room for it.
    package var alertRow = -1
    package var listTop = 0
    package var listRows = 0
    package var tickerTop = 0
    package var tickerRows = 0
    /// A blank row between the lists and the ticker on tall screens.
    package var tickerGap = 0

    package init(state: AppState, width: Int, height: Int) {
        let disconnected = state.wallboardDisconnected
        // On a one-row screen the banner replaces the top line.
        bannerTop = max(0, min(1, height - 1))
        bannerRows = disconnected ? (height >= 30 ? 3 : 1) : 0
        bandTop = min(height, bannerTop + bannerRows)
        if !disconnected && height < 2 { bandTop = height }
        let roomy = height >= 20
        tickerRows = height >= 30 ? 6 : (height >= 20 ? 4 : (height >= 12 ? 2 : 0))
        tickerTop = height - tickerRows
        let budget: Int
        switch height {
        case 20...: budget = 7
        case 12...: budget = 4
        case 8...: budget = 2
        default: budget = height - bandTop >= 2 ? 1 : 0
        }
        bandRows = Self.bandHeight(state: state, width: width, budget: min(budget, max(0, tickerTop - bandTop)))
        var next = bandTop + bandRows
        if height >= 8, next < tickerTop {
            alertRow = next
            next += 1
        }
        if height >= 12, next < tickerTop {
            contextRow = next
            next += 1
        }
        if roomy { next += 1 }
        listTop = next
        tickerGap = height >= 30 ? 1 : 0
        listRows = max(0, tickerTop - tickerGap - listTop)
    }

    /// Gives the ticker the list rows that `contentLines` leave unused (up
    /// to `limit` more events), so a big screen with a small cluster is not
    /// half empty.
    package mutating func growTicker(contentLines: Int, limit: Int = 10) {
        guard tickerRows > 0 else { return }
        let spare = min(limit, listRows - contentLines - 1)
        guard spare > 0 else { return }
        tickerRows += spare
        tickerTop -= spare
        listRows -= spare
    }

    /// Rows the band really uses out of `budget`, given the digit scale that fits.
    private static func bandHeight(state: AppState, width: Int, budget: Int) -> Int {
        guard budget >= 2 else { return max(0, budget) }
        let figures = state.wallboardFigures
        let scale = SummaryBand.scale(for: figures, width: width, rows: budget, asciiOnly: state.config.asciiOnly)
        let withNote = budget >= SummaryBand.height(scale: scale, withNote: true)
        return min(budget, SummaryBand.height(scale: scale, withNote: withNote))
    }
}
