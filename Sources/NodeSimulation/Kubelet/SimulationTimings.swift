public import ContainerRuntime

/// How long things take on simulated nodes.
public struct SimulationTimings: Sendable, Hashable {
    /// How long pulling an image takes, unless ``imagePullDurations`` names it.
    public var defaultImagePullDuration: Duration
    /// Pull durations by normalised reference (`docker.io/library/nginx:1.25`) or repository
    /// (`docker.io/library/nginx`).
    public var imagePullDurations: [String: Duration]
    /// From the pod's acknowledgement (`status.startTime`) to a container running, when its image is present.
    public var containerStartLatency: Duration
    /// From a container starting to it being ready.
    public var readinessDelay: Duration
    /// How long a container takes to exit after SIGTERM (it is killed at the grace period).
    public var containerStopDuration: Duration
    /// How long containers of `restartPolicy: Never/OnFailure` pods run unless
    /// ``SimulationAnnotations/runSeconds`` says otherwise.
    public var defaultRunDuration: Duration
    /// How long each init container runs.
    public var initContainerRunDuration: Duration
    /// The first image pull back-off (doubling per failure up to ``maximumBackOff``); also the first crash
    /// loop back-off.
    public var initialBackOff: Duration
    /// The longest back-off.
    public var maximumBackOff: Duration
    /// How long a failed pull shows `ErrImagePull` before `ImagePullBackOff`.
    public var errImagePullDisplay: Duration

    public init(
        defaultImagePullDuration: Duration,
        imagePullDurations: [String: Duration] = [:],
        containerStartLatency: Duration,
        readinessDelay: Duration,
        containerStopDuration: Duration,
        defaultRunDuration: Duration,
        initContainerRunDuration: Duration,
        initialBackOff: Duration,
        maximumBackOff: Duration,
        errImagePullDisplay: Duration
    ) {
        self.defaultImagePullDuration = defaultImagePullDuration
        self.imagePullDurations = imagePullDurations
        self.containerStartLatency = containerStartLatency
        self.readinessDelay = readinessDelay
        self.containerStopDuration = containerStopDuration
        self.defaultRunDuration = defaultRunDuration
        self.initContainerRunDuration = initContainerRunDuration
        self.initialBackOff = initialBackOff
        self.maximumBackOff = maximumBackOff
        self.errImagePullDisplay = errImagePullDisplay
    }

    /// Close to a real node: 2 s pulls, 500 ms start, 1 s readiness, 1 s stop, 5 s job runs, 10 s → 300 s
    /// back-off.
    public static let realistic = SimulationTimings(
        defaultImagePullDuration: .seconds(2),
        containerStartLatency: .milliseconds(500),
        readinessDelay: .seconds(1),
        containerStopDuration: .seconds(1),
        defaultRunDuration: .seconds(5),
        initContainerRunDuration: .seconds(1),
        initialBackOff: .seconds(10),
        maximumBackOff: .seconds(300),
        errImagePullDisplay: .seconds(1)
    )

    /// Near zero, for tests and demos: everything is immediate except back-offs (1 s → 10 s).
    public static let fast = SimulationTimings(
        defaultImagePullDuration: .zero,
        containerStartLatency: .zero,
        readinessDelay: .zero,
        containerStopDuration: .zero,
        defaultRunDuration: .milliseconds(100),
        initContainerRunDuration: .zero,
        initialBackOff: .seconds(1),
        maximumBackOff: .seconds(10),
        errImagePullDisplay: .milliseconds(200)
    )

    /// The pull duration of `reference`.
    public func pullDuration(for reference: ImageReference) -> Duration {
        self.imagePullDurations[reference.description] ?? self.imagePullDurations[reference.repository]
            ?? self.defaultImagePullDuration
    }

    /// The back-off after `failures` consecutive failures (≥ 1).
    public func backOff(afterFailures failures: Int) -> Duration {
        var delay = self.initialBackOff
        var remaining = max(1, failures) - 1
        while remaining > 0 && delay < self.maximumBackOff {
            delay = delay * 2
            remaining -= 1
        }
        return min(delay, self.maximumBackOff)
    }
}
