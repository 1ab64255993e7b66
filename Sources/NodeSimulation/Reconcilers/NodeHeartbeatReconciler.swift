import ControllerRuntime
import KubeClient
import KubeJSON
import KubeModel
import Logging

/// The kubelets' node half (key = node name): registers the fleet's nodes, then for every simulated node
/// (a fleet node, or any node labelled ``SimulatedNodeLabels/simulated``) renews its Lease in
/// `kube-node-lease` every renew interval and posts the heartbeat status (`nodes/status`) when the node is
/// first seen by this process, when its Ready condition is not True (a kubelet recovering) and at least every
/// ``NodeStatusUpdates/statusReportInterval``. A node annotated ``SimulatedNodeLabels/stopped`` gets neither.
struct NodeHeartbeatReconciler: Reconciler {
    let client: KubeClient
    let nodes: Informer<Node>
    let leases: Informer<Lease>
    let fleet: NodeFleet
    /// Fleet node names → their index in the fleet.
    let fleetIndex: [String: Int]
    let runtimes: NodeRuntimes
    let heartbeats: NodeHeartbeats
    let renewInterval: Duration
    let logger: Logger

    static let fieldManager = "kruise-local-kubelet"

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        let name = key.name
        var firstSight = false
        var node: Node
        if let cached = self.nodes.store.get(ObjectKey(name: name)) {
            node = cached
        } else if let index = self.fleetIndex[name], !self.heartbeats.isRegistered(name) {
            node = try await self.register(self.fleet.node(at: index, now: KubeTime.now()))
            firstSight = true
        } else {
            // Deleted (or never ours): stop simulating it.
            self.runtimes.remove(name)
            self.heartbeats.forgetRenewal(name)
            return .done
        }
        if let index = self.fleetIndex[name], !self.heartbeats.isRegistered(name), !firstSight {
            // A node that survived a restart: keep it (and its pods), bring the fleet's fields up to date.
            node = try await self.complete(node, with: self.fleet.node(at: index, now: KubeTime.now()), fleetOwned: true)
            firstSight = true
        }
        guard Self.isSimulated(node) else {
            self.runtimes.remove(name)
            self.heartbeats.forgetRenewal(name)
            return .done
        }
        if self.fleetIndex[name] == nil, !self.heartbeats.isRegistered(name) {
            // A node a user added: fill in what its kubelet would report.
            node = try await self.complete(node, with: self.adoptionTemplate(for: node), fleetOwned: false)
            firstSight = true
        }
        self.heartbeats.markRegistered(name)
        _ = self.runtimes.runtime(forNode: name)
        if Self.isStopped(node) {
            self.heartbeats.forgetRenewal(name)
            return .done
        }

        let now = KubeTime.now()
        let ready = node.status.conditions[type: "Ready"]
        let reportDue = ready?.lastHeartbeatTime.map { now.duration(since: $0) >= NodeStatusUpdates.statusReportInterval } ?? true
        if firstSight || ready?.status != "True" || reportDue {
            let patch = NodeStatusUpdates.heartbeatStatusPatch(for: node, now: now)
            node = try await self.client.patch(Node.self, name: name, type: .strategicMerge, body: patch.serialized(), subresource: "status")
        }

        let clock = ContinuousClock.now
        if let last = self.heartbeats.lastRenewed(name), clock - last < self.renewInterval {
            return ReconcileResult(requeueAfter: self.renewInterval - (clock - last))
        }
        try await self.renewLease(of: node, now: now)
        self.heartbeats.recordRenewal(name, at: clock)
        return ReconcileResult(requeueAfter: self.renewInterval)
    }

    static func isSimulated(_ node: Node) -> Bool {
        node.metadata.labels[SimulatedNodeLabels.simulated] == "true"
    }

    static func isStopped(_ node: Node) -> Bool {
        node.metadata.annotations[SimulatedNodeLabels.stopped] == "true"
    }

    /// Creates a fleet node, as a kubelet registering itself; an existing one is returned as it is.
    private func register(_ node: Node) async throws -> Node {
        do {
            let created = try await self.client.create(node)
            // The API server drops status on create: post it, as the kubelet does right after registering.
            var withStatus = created
            withStatus.status = node.status
            let updated = try await self.client.updateStatus(withStatus)
            self.logger.info("registered simulated node", metadata: ["node": "\(node.name)"])
            return updated
        } catch {
            guard error.isAlreadyExists else { throw error }
            return try await self.client.get(Node.self, name: node.name)
        }
    }

    /// Brings an existing node in line with `desired`. For a fleet node (`fleetOwned`) the fleet's labels
    /// are set and its capacity, addresses and node info posted; for an adopted node only what is missing
    /// is filled in (labels, pod CIDR, capacity, allocatable, addresses, node info). User-added labels,
    /// taints and the rest of the spec are kept.
    private func complete(_ node: Node, with desired: Node, fleetOwned: Bool) async throws -> Node {
        var metadataPatch = JSONObject()
        let labels = desired.metadata.labels.filter { label in
            fleetOwned ? node.metadata.labels[label.key] != label.value : node.metadata.labels[label.key] == nil
        }
        if !labels.isEmpty {
            metadataPatch["labels"] = .object(JSONObject(labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        }
        let annotations = desired.metadata.annotations.filter { node.metadata.annotations[$0.key] == nil }
        if !annotations.isEmpty {
            metadataPatch["annotations"] = .object(
                JSONObject(annotations.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
            )
        }
        var patch = JSONObject()
        if !metadataPatch.isEmpty { patch["metadata"] = .object(metadataPatch) }
        if node.spec.podCIDR == nil, let cidr = desired.spec.podCIDR {
            patch["spec"] = ["podCIDR": .string(cidr), "podCIDRs": [.string(cidr)]]
        }
        var current = node
        if !patch.isEmpty {
            current = try await self.client.patch(Node.self, name: node.name, type: .merge, body: JSONValue.object(patch).serialized())
        }
        var status = JSONObject()
        for member in ["capacity", "allocatable", "addresses", "nodeInfo", "daemonEndpoints"] {
            guard let value = desired.status.object[member] else { continue }
            if fleetOwned || node.status.object[member] == nil || node.status.object[member]?.isNull == true {
                status[member] = value
            }
        }
        if !fleetOwned, node.status.object["capacity"] != nil, node.status.object["allocatable"] == nil {
            status["allocatable"] = node.status.object["capacity"]
        }
        guard !status.isEmpty else { return current }
        let body: JSONValue = ["status": .object(status)]
        return try await self.client.patch(Node.self, name: node.name, type: .merge, body: body.serialized(), subresource: "status")
    }

    /// What a node a user added would report: the fleet's defaults at the first position whose pod CIDR and
    /// address no other node uses, under the node's own name.
    private func adoptionTemplate(for node: Node) -> Node {
        let others = self.nodes.store.list().filter { $0.name != node.name }
        let cidrs = Set(others.compactMap(\.spec.podCIDR))
        let addresses = Set(others.flatMap { $0.status.addresses.map(\.address) })
        var index = self.fleet.options.count
        while cidrs.contains(self.fleet.node(at: index, now: KubeTime.now()).spec.podCIDR ?? "")
            || addresses.contains(self.fleet.internalIP(at: index))
        {
            index += 1
        }
        var template = self.fleet.node(at: index, now: KubeTime.now())
        let generated = template.name
        var metadata = template.metadata
        metadata.name = node.name
        var labels = metadata.labels
        labels[SimulatedNodeLabels.hostname] = node.name
        for key in [SimulatedNodeLabels.zone, SimulatedNodeLabels.region] { labels[key] = nil }
        metadata.labels = labels
        template.metadata = metadata
        var status = template.status
        status.addresses = status.addresses.map { entry in
            entry.address == generated ? (type: entry.type, address: node.name) : entry
        }
        template.status = status
        return template
    }

    /// Renews (or creates) the node's Lease.
    private func renewLease(of node: Node, now: KubeTime) async throws {
        let key = ObjectKey(namespace: NodeStatusUpdates.leaseNamespace, name: node.name)
        var existing = self.leases.store.get(key)
        for _ in 0..<3 {
            let lease = NodeStatusUpdates.lease(for: node, now: now, existing: existing)
            do {
                if existing == nil {
                    _ = try await self.client.create(lease)
                } else {
                    _ = try await self.client.update(lease)
                }
                return
            } catch {
                guard error.isAlreadyExists || error.isConflict || error.isNotFound else { throw error }
                existing = try? await self.client.get(Lease.self, namespace: key.namespace, name: key.name)
            }
        }
        throw KubeAPIError(code: 409, reason: "Conflict", message: "lease \(key) kept changing")
    }
}
