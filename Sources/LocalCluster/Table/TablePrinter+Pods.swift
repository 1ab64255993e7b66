internal import KubeJSON
internal import KubeModel

extension TablePrinter {
    /// `NAME READY STATUS RESTARTS AGE` + wide `IP NODE NOMINATED NODE READINESS GATES`.
    static let pods = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Ready", description: "The aggregate readiness state of this pod for accepting traffic."),
            TableColumnDefinition(name: "Status", description: "The aggregate status of the containers in this pod."),
            TableColumnDefinition(
                name: "Restarts",
                description: "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."
            ),
            .age,
            .wide("IP", "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."),
            .wide("Node", "NodeName is a request to schedule this pod onto a specific node."),
            .wide("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node."),
            .wide("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness."),
        ],
        cells: { pod in
            let summary = PodSummary(pod)
            return [
                .string(pod.name),
                .string("\(summary.readyContainers)/\(summary.totalContainers)"),
                .string(summary.reason),
                .string(summary.restartsText),
                .string(pod.age),
                TableSource.orNone(pod.string("status", "podIP")),
                TableSource.orNone(pod.string("spec", "nodeName")),
                TableSource.orNone(pod.string("status", "nominatedNodeName")),
                .string(PodSummary.readinessGates(pod)),
            ]
        },
        conditions: { pod in
            switch pod.string("status", "phase") {
            case "Succeeded", "Failed": [["type": "Completed", "status": "True"]]
            default: nil
            }
        }
    )
}

/// The `READY`, `STATUS` and `RESTARTS` of a pod, derived from its container statuses as `kubectl get pods`
/// shows them against kube-apiserver: init container progress (`Init:1/2`, `Init:CrashLoopBackOff`), the
/// waiting or terminated reason of a container, `Completed` pods that still run a container, `Terminating`.
struct PodSummary {
    var readyContainers = 0
    var totalContainers = 0
    var restarts: Int64 = 0
    var lastRestart: KubeTime?
    var reason = ""
    var restartsText = ""

    init(_ pod: TableSource) {
        let initContainers = pod.array("spec", "initContainers")
        let sidecarNames = Set(
            initContainers.filter { $0["restartPolicy"]?.stringValue == "Always" }.compactMap { $0["name"]?.stringValue }
        )
        self.totalContainers = pod.array("spec", "containers").count + sidecarNames.count
        self.reason = pod.string("status", "reason").flatMap { $0.isEmpty ? nil : $0 } ?? pod.string("status", "phase") ?? ""
        let conditions = pod.array("status", "conditions")
        if let scheduled = conditions.first(where: { $0["type"]?.stringValue == "PodScheduled" }),
            scheduled["status"]?.stringValue == "False", scheduled["reason"]?.stringValue == "SchedulingGated"
        {
            self.reason = "SchedulingGated"
        }

        var initializing = false
        var sidecarRestarts: Int64 = 0
        var sidecarLastRestart: KubeTime?
        let initStatuses = pod.array("status", "initContainerStatuses")
        for (index, status) in initStatuses.enumerated() {
            let restartCount = status["restartCount"]?.int64Value ?? 0
            self.restarts += restartCount
            let finished = status["lastState"]?["terminated"]?["finishedAt"].flatMap(TableSource.time(of:))
            self.lastRestart = Self.later(self.lastRestart, finished)
            let isSidecar = status["name"]?.stringValue.map(sidecarNames.contains) ?? false
            if isSidecar {
                sidecarRestarts += restartCount
                sidecarLastRestart = Self.later(sidecarLastRestart, finished)
            }
            let terminated = status["state"]?["terminated"]
            let waiting = status["state"]?["waiting"]
            if let terminated, terminated["exitCode"]?.int64Value == 0 { continue }
            if isSidecar, status["started"]?.boolValue == true {
                if status["ready"]?.boolValue == true { self.readyContainers += 1 }
                continue
            }
            if let terminated {
                if let reason = terminated["reason"]?.stringValue, !reason.isEmpty {
                    self.reason = "Init:" + reason
                } else if let signal = terminated["signal"]?.int64Value, signal != 0 {
                    self.reason = "Init:Signal:\(signal)"
                } else {
                    self.reason = "Init:ExitCode:\(terminated["exitCode"]?.int64Value ?? 0)"
                }
            } else if let reason = waiting?["reason"]?.stringValue, !reason.isEmpty, reason != "PodInitializing" {
                self.reason = "Init:" + reason
            } else {
                self.reason = "Init:\(index)/\(initContainers.count)"
            }
            initializing = true
            break
        }

        if !initializing || TableSource.conditionStatus(conditions, type: "Initialized") == "True" {
            self.restarts = sidecarRestarts
            self.lastRestart = sidecarLastRestart
            var hasRunning = false
            for status in pod.array("status", "containerStatuses").reversed() {
                self.restarts += status["restartCount"]?.int64Value ?? 0
                let finished = status["lastState"]?["terminated"]?["finishedAt"].flatMap(TableSource.time(of:))
                self.lastRestart = Self.later(self.lastRestart, finished)
                let state = status["state"]
                if let reason = state?["waiting"]?["reason"]?.stringValue, !reason.isEmpty {
                    self.reason = reason
                } else if let terminated = state?["terminated"] {
                    if let reason = terminated["reason"]?.stringValue, !reason.isEmpty {
                        self.reason = reason
                    } else if let signal = terminated["signal"]?.int64Value, signal != 0 {
                        self.reason = "Signal:\(signal)"
                    } else {
                        self.reason = "ExitCode:\(terminated["exitCode"]?.int64Value ?? 0)"
                    }
                } else if status["ready"]?.boolValue == true, state?["running"] != nil {
                    hasRunning = true
                    self.readyContainers += 1
                }
            }
            if self.reason == "Completed", hasRunning {
                self.reason = TableSource.conditionStatus(conditions, type: "Ready") == "True" ? "Running" : "NotReady"
            }
        }

        if pod.isBeingDeleted {
            self.reason = pod.string("status", "reason") == "NodeLost" ? "Unknown" : "Terminating"
        }
        self.restartsText =
            if self.restarts != 0, let lastRestart = self.lastRestart {
                "\(self.restarts) (\(pod.since(lastRestart)) ago)"
            } else {
                "\(self.restarts)"
            }
    }

    private static func later(_ lhs: KubeTime?, _ rhs: KubeTime?) -> KubeTime? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        return max(lhs, rhs)
    }

    /// `true/total` readiness gates, `<none>` without any.
    static func readinessGates(_ pod: TableSource) -> String {
        let gates = pod.array("spec", "readinessGates").compactMap { $0["conditionType"]?.stringValue }
        guard !gates.isEmpty else { return "<none>" }
        let conditions = pod.array("status", "conditions")
        let satisfied = gates.filter { TableSource.conditionStatus(conditions, type: $0) == "True" }.count
        return "\(satisfied)/\(gates.count)"
    }
}
