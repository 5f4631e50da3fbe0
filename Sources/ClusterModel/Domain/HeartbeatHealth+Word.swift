extension HeartbeatHealth {
    /// The word every surface uses for this health (issue 19: the dashboard
    /// said "silent" where `get nodes` said "stale"): a node still `online` in
    /// the registry whose heartbeats stopped is "silent".
    public var word: String { self == .stale ? "silent" : rawValue }
}
