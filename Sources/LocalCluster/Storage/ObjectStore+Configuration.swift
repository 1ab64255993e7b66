extension ObjectStore {
    /// Limits of an ``ObjectStore``.
    public struct Configuration: Sendable {
        /// How many recent changes are kept for watches resuming from an older version and for continued
        /// lists (kube-apiserver's watch cache keeps a comparable window).
        public var historyLimit: Int
        /// How many events may wait for one watcher before it is terminated with
        /// ``StoreError/watcherTooSlow``, so that a slow reader never holds up writers.
        public var watcherBufferLimit: Int
        /// Log bytes after which a commit compacts: writes a snapshot and starts a new log segment.
        public var compactionThreshold: Int

        public init(historyLimit: Int = 10_000, watcherBufferLimit: Int = 1_000, compactionThreshold: Int = 64 << 20) {
            self.historyLimit = historyLimit
            self.watcherBufferLimit = watcherBufferLimit
            self.compactionThreshold = compactionThreshold
        }
    }
}
