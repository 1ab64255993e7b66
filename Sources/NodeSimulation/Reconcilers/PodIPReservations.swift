import ControllerRuntime
import KubeModel
import Synchronization

/// Pod IPs handed out by the simulated kubelets, per node, until the pod informer shows them: two pods
/// planned before either status write reaches the cache must not get the same address. Planning happens
/// under the lock so choosing and reserving an address is one step. A `Mutex` guards the table.
final class PodIPReservations: Sendable {
    private let reserved = Mutex<[String: [ObjectKey: String]]>([:])

    init() {}

    /// Runs `plan` with the IPs in use on `nodeName` other than `pod`'s (`observed` from the cache, plus
    /// reservations), then reserves the pod IP the plan's status carries.
    func plan(
        pod key: ObjectKey,
        nodeName: String,
        observed: Set<String>,
        _ plan: (Set<String>) -> KubeletPlan
    ) -> KubeletPlan {
        self.reserved.withLock { reserved in
            var inUse = observed
            for (other, address) in reserved[nodeName] ?? [:] where other != key { inUse.insert(address) }
            let result = plan(inUse)
            if let address = result.status?.podIP, result.status?.phase != "Succeeded", result.status?.phase != "Failed" {
                reserved[nodeName, default: [:]][key] = address
            } else if result.status != nil {
                reserved[nodeName]?[key] = nil
            }
            return result
        }
    }

    /// Frees the address of a pod that is gone or finished.
    func release(_ key: ObjectKey) {
        self.reserved.withLock { reserved in
            for node in reserved.keys { reserved[node]?[key] = nil }
        }
    }
}
