import ClusterModel
import Foundation

/// A bounded one-line excerpt of an error for headers and banners.
package enum ErrorExcerpt {
    package static func short(_ error: ClusterError, limit: Int = 60) -> String {
        let text = error.description
        return text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }
}
