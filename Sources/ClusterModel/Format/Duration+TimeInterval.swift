import Foundation

extension Duration {
    /// The duration in seconds, as Foundation's times count them: the one
    /// conversion for round trips and elapsed times measured on
    /// `ContinuousClock` (it was written out in five places).
    public var timeInterval: TimeInterval {
        let c = components
        return TimeInterval(c.seconds) + TimeInterval(c.attoseconds) / 1e18
    }
}
