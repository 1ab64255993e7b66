/// The `workqueue_*` series of one named queue, as client-go exports them.
public struct WorkQueueMetrics: Sendable {
    public let depth: Gauge
    public let adds: Counter
    public let retries: Counter
    public let queueDuration: Histogram
    public let workDuration: Histogram

    public init(name: String, registry: MetricsRegistry) {
        let labels = [("name", name)]
        self.depth = registry.gauge("workqueue_depth", help: "Current depth of workqueue", labels: labels)
        self.adds = registry.counter("workqueue_adds_total", help: "Total number of adds handled by workqueue", labels: labels)
        self.retries = registry.counter("workqueue_retries_total", help: "Total number of retries handled by workqueue", labels: labels)
        self.queueDuration = registry.histogram(
            "workqueue_queue_duration_seconds",
            help: "How long in seconds an item stays in workqueue before being requested",
            labels: labels
        )
        self.workDuration = registry.histogram(
            "workqueue_work_duration_seconds",
            help: "How long in seconds processing an item from workqueue takes",
            labels: labels
        )
    }
}
