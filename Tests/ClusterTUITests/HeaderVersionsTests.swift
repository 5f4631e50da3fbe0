import ClusterModel
import Foundation
import Testing
@testable import ClusterApp
@testable import ClusterState
@testable import ClusterViews

/// The header's version skew names the versions that fit whole and says
/// how many it left out: at 120 columns it read "⚠ versions 0.4.1×3"
/// while 0.4.0 ran too, and a partial list looked complete.
@Suite struct HeaderVersionsTests {
    /// The cut list dropped versions silently: with three, room for one and "+N more", none, or all.
    @Test func aCutListSaysHowManyItLeftOut() {
        let versions = ["1.4.0×2 ", "1.4.1×2 ", "1.4.2×1 "]
        #expect(VersionList.fitting(versions, room: 100, most: 3) == 3)
        #expect(VersionList.fitting(versions, room: 16, most: 3) == 1, "8 for the first, 8 for \"+2 more \"")
        #expect(VersionList.fitting(versions, room: 15, most: 3) == 0)
        #expect(VersionList.fitting(versions + ["1.5.0×1 "], room: 100, most: 3) == 3)
    }

    /// At 120 columns the header read "versions 0.4.1×3" while 0.4.0 ran too: wide, both; narrower, the count.
    @Test func theHeaderNeverShowsAPartialListAsWhole() {
        for (width, expected) in [(200, "⚠ versions 0.4.1×3 0.4.0×1"), (120, "⚠ 2 versions")] {
            let state = TestCluster.loadedState(width: width, height: 40)
            let line = RootView.render(state).text().split(separator: "\n")[1]
            #expect(line.contains(expected), "\(width): \(line)")
        }
    }

    /// After a long node line the instance group did not fit and the at-risk count went with it (80 columns, 60 columns).
    @Test func theAtRiskCountShowsAloneWhenTheInstanceGroupDoesNotFit() {
        let state = TestCluster.loadedState(width: 60, height: 24)
        let line = RootView.render(state).text().split(separator: "\n")[1]
        #expect(line.hasSuffix("│ 1 at risk") && !line.contains("Instances"), "\(line)")
    }

    /// Where the explicit/default counts did not fit (the test cluster at 90 columns, the demo at 80), nothing after them was drawn: no version skew.
    @Test func versionSkewShowsWhenTheDetailCountsDoNotFit() {
        let state = TestCluster.loadedState(width: 90, height: 24)
        let line = RootView.render(state).text().split(separator: "\n")[1]
        #expect(line.contains("⚠ 2 versions") && !line.contains("explicit"), "\(line)")
    }
}
