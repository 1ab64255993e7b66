public import KubeModel

/// A pod's quality-of-service class, computed as Kubernetes does (`GetPodQOS`).
public enum QualityOfService: String, Sendable, Hashable {
    case guaranteed = "Guaranteed"
    case burstable = "Burstable"
    case bestEffort = "BestEffort"

    /// The class of `pod`: BestEffort with no cpu/memory requests or limits anywhere; Guaranteed when every
    /// container limits cpu and memory and requests equal limits (requests default to limits); otherwise
    /// Burstable.
    public init(pod: Pod) {
        let spec = pod.spec
        var anyRequestOrLimit = false
        var guaranteed = true
        for container in spec.initContainers + spec.containers {
            let limits = container.resources.limits.filter { $0.key == "cpu" || $0.key == "memory" }
            var requests = container.resources.requests.filter { ($0.key == "cpu" || $0.key == "memory") && !$0.value.isZero }
            for (name, limit) in limits where requests[name] == nil { requests[name] = limit }
            if !requests.isEmpty || limits.contains(where: { !$0.value.isZero }) { anyRequestOrLimit = true }
            if limits["cpu"] == nil || limits["memory"] == nil { guaranteed = false }
            for (name, request) in requests where limits[name] != request { guaranteed = false }
        }
        if !anyRequestOrLimit {
            self = .bestEffort
        } else {
            self = guaranteed ? .guaranteed : .burstable
        }
    }
}
