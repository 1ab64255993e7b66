import KubeJSON
/// Kubernetes' `slowStartBatch` as plan steps, and the per-sync burst limit.
public enum SlowStart {
    /// `burstReplicas`: the most pods a ReplicaSet (or DaemonSet) creates or deletes in one sync.
    public static let burstReplicas = 500

    /// `SlowStartInitialBatchSize`.
    public static let initialBatchSize = 1

    /// The batch sizes for `count` operations: 1, 2, 4, … with the last batch holding the remainder.
    public static func batchSizes(count: Int, initial: Int = initialBatchSize) -> [Int] {
        var sizes: [Int] = []
        var remaining = count
        var size = max(initial, 1)
        while remaining > 0 {
            let batch = min(remaining, size)
            sizes.append(batch)
            remaining -= batch
            size *= 2
        }
        return sizes
    }

    /// `actions` split into slow-start steps.
    public static func steps(_ actions: [ControllerAction], initial: Int = initialBatchSize) -> [[ControllerAction]] {
        var steps: [[ControllerAction]] = []
        var start = 0
        for size in batchSizes(count: actions.count, initial: initial) {
            steps.append(Array(actions[start..<(start + size)]))
            start += size
        }
        return steps
    }
}
