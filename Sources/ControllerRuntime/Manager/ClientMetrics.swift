public import KubeClient

/// Records `rest_client_request_duration_seconds` and `rest_client_requests_total` by verb and code, as
/// client-go's metrics do.
public struct ClientMetrics: ClientRequestObserver {
    private let registry: MetricsRegistry

    public init(registry: MetricsRegistry) {
        self.registry = registry
    }

    public func requestFinished(verb: String, code: Int, duration: Duration) {
        let codeText = code == 0 ? "<error>" : String(code)
        self.registry.counter(
            "rest_client_requests_total",
            help: "Number of HTTP requests, partitioned by status code, method, and host.",
            labels: [("code", codeText), ("method", verb)]
        ).increment()
        self.registry.histogram(
            "rest_client_request_duration_seconds",
            help: "Request latency in seconds. Broken down by verb.",
            labels: [("verb", verb)]
        ).observe(duration)
    }
}
