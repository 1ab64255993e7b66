import KubeModel

/// One scheduling cycle's precomputed state: the pod's request, tolerations and affinity, the node facts, what
/// the pods on each node use (from the ``BoundPods`` sums), and the existing pods' anti-affinity terms. The
/// filters and scores run over per-node sums rather than over pods.
struct SchedulingContext {
    let pod: Pod
    let nodes: [SchedulingFactsCache.NodeFacts]
    let namespaceLabels: [String: [String: String]]
    let podRequest: PodResourceRequest
    let podNonZeroRequest: PodResourceRequest
    let affinity: Affinity
    let requiredAffinity: [PodAffinityTerm]
    let requiredAntiAffinity: [PodAffinityTerm]
    let tolerations: [Toleration]
    /// `spec.nodeSelector` and the required node affinity, read once for all nodes.
    let nodeSelector: [String: String]
    let requiredNodeAffinity: NodeSelector?
    /// The preferred node affinity terms that weigh anything.
    let preferredNodeAffinity: [PreferredSchedulingTerm]
    /// The pod's controller in its namespace, for spreading; `nil` without one.
    let spreading: BoundPods.SpreadingKey?
    /// The bound pods: the scheduler's sums, and the pods it bound that its cache does not show yet.
    let bound: [BoundPods]
    /// What the pods bound to each node use, by node name.
    let usageByNode: [String: NodeUsage]
    /// Bound pods that carry required anti-affinity terms, with their node: usually none, and looked at for
    /// every candidate node, so found once per cycle.
    let existingAntiAffinity: [(pod: Pod, node: SchedulingFactsCache.NodeFacts, terms: [PodAffinityTerm])]

    /// The sums over the pods bound to one node.
    struct NodeUsage {
        var pods = 0
        var requested = PodResourceRequest()
        var nonZeroRequested = PodResourceRequest()
        /// Pods of the scheduled pod's controller (same namespace, not being deleted).
        var sameController: Int64 = 0
    }

    /// The context for placing `pod` on `nodes`, given the pods `bound` (summed in one or more parts).
    init(pod: Pod, nodes: [SchedulingFactsCache.NodeFacts], bound: [BoundPods], namespaceLabels: [String: [String: String]]) {
        self.pod = pod
        self.nodes = nodes
        self.namespaceLabels = namespaceLabels
        self.podRequest = PodResourceRequest(pod: pod)
        self.podNonZeroRequest = PodResourceRequest(pod: pod, nonZero: true)
        self.affinity = pod.spec.affinityRules
        self.requiredAffinity = self.affinity.podAffinity.required
        self.requiredAntiAffinity = self.affinity.podAntiAffinity.required
        self.tolerations = pod.spec.tolerations
        self.nodeSelector = pod.spec.nodeSelector
        self.requiredNodeAffinity = self.affinity.nodeAffinity.required
        self.preferredNodeAffinity = self.affinity.nodeAffinity.preferred.filter { $0.weight != 0 }
        let spreading = (pod.metadata.controllerReference?.uid).flatMap {
            $0.isEmpty ? nil : BoundPods.SpreadingKey(namespace: pod.namespace, controllerUID: $0)
        }
        self.spreading = spreading
        self.bound = bound
        var usageByNode: [String: NodeUsage] = [:]
        for part in bound {
            for (name, sums) in part.nodes {
                var usage = usageByNode[name] ?? NodeUsage()
                usage.pods += sums.pods
                usage.requested.add(sums.requested)
                usage.nonZeroRequested.add(sums.nonZeroRequested)
                if let spreading { usage.sameController += sums.byController[spreading] ?? 0 }
                usageByNode[name] = usage
            }
        }
        self.usageByNode = usageByNode
        var nodesByName: [String: SchedulingFactsCache.NodeFacts] = [:]
        for node in nodes { nodesByName[node.name] = node }
        self.existingAntiAffinity = bound.flatMap { part in
            part.withAntiAffinity.values.compactMap { member in
                nodesByName[member.node].map { (member.pod, $0, member.requiredAntiAffinity) }
            }
        }
    }

    /// The pods bound to the node `name`.
    private func pods(onNode name: String) -> [Pod] {
        self.bound.flatMap { $0.nodes[name].map { Array($0.members.values) } ?? [] }
    }

    /// Every bound pod.
    private var allBoundPods: [Pod] {
        self.bound.flatMap { part in part.nodes.values.flatMap { $0.members.values } }
    }

    // MARK: Filters

    /// `nil` when `node` passes every filter, otherwise the first failing plugin's status.
    func filter(_ node: SchedulingFactsCache.NodeFacts) -> FilterStatus? {
        let tolerations = self.tolerations
        // NodeUnschedulable
        if node.unschedulable {
            let taint = Taint(key: "node.kubernetes.io/unschedulable", effect: "NoSchedule")
            if !tolerations.tolerates(taint) {
                return FilterStatus(reasons: ["node(s) were unschedulable"], resolvable: false)
            }
        }
        // TaintToleration
        if let taint = tolerations.firstUntolerated(of: node.taints, where: { $0.effect == "NoSchedule" || $0.effect == "NoExecute" }) {
            return FilterStatus(reasons: ["node(s) had untolerated taint {\(taint.key): \(taint.value ?? "")}"], resolvable: false)
        }
        // NodeAffinity
        if !PodSpec.requiredNodeAffinityMatches(
            nodeSelector: self.nodeSelector, required: self.requiredNodeAffinity, labels: node.labels, nodeName: node.name)
        {
            return FilterStatus(reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false)
        }
        // NodeResourcesFit
        if let status = self.fitStatus(node) { return status }
        // InterPodAffinity
        if !self.satisfiesPodAffinity(node) {
            return FilterStatus(reasons: ["node(s) didn't match pod affinity rules"], resolvable: false)
        }
        if !self.satisfiesPodAntiAffinity(node) {
            return FilterStatus(reasons: ["node(s) didn't match pod anti-affinity rules"], resolvable: true)
        }
        if !self.satisfiesExistingPodsAntiAffinity(node) {
            return FilterStatus(reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"], resolvable: true)
        }
        return nil
    }

    private func fitStatus(_ node: SchedulingFactsCache.NodeFacts) -> FilterStatus? {
        let usage = self.usageByNode[node.name] ?? NodeUsage()
        let allocated = node.allocated
        let requested = usage.requested
        var reasons: [String] = []
        var resolvable = true
        if Int64(usage.pods) + 1 > node.allowedPods { reasons.append("Too many pods") }
        let request = self.podRequest
        if !request.isEmpty {
            func check(_ name: String, _ wanted: Int64, _ capacity: Int64, _ used: Int64) {
                guard wanted > 0, wanted > capacity - used else { return }
                reasons.append("Insufficient \(name)")
                if wanted > capacity { resolvable = false }
            }
            check("cpu", request.milliCPU, allocated.milliCPU, requested.milliCPU)
            check("memory", request.memory, allocated.memory, requested.memory)
            check("ephemeral-storage", request.ephemeralStorage, allocated.ephemeralStorage, requested.ephemeralStorage)
            for name in request.scalar.keys.sorted() {
                check(name, request.scalar[name] ?? 0, allocated.scalar[name] ?? 0, requested.scalar[name] ?? 0)
            }
        }
        return reasons.isEmpty ? nil : FilterStatus(reasons: reasons, resolvable: resolvable)
    }

    /// The pods in the topology domain of `node` for `key` (nil when the node lacks the label).
    private func podsInDomain(of node: SchedulingFactsCache.NodeFacts, key: String) -> [Pod]? {
        guard let value = node.labels[key] else { return nil }
        var pods: [Pod] = []
        for other in self.nodes where other.labels[key] == value {
            pods.append(contentsOf: self.pods(onNode: other.name))
        }
        return pods
    }

    private func selects(_ term: PodAffinityTerm, _ candidate: Pod, termNamespace: String) -> Bool {
        term.selects(candidate, ownNamespace: termNamespace, namespaceLabels: self.namespaceLabels[candidate.namespace] ?? [:])
    }

    private func satisfiesPodAffinity(_ node: SchedulingFactsCache.NodeFacts) -> Bool {
        let terms = self.requiredAffinity
        if terms.isEmpty { return true }
        var podsExist = true
        for term in terms {
            guard let domainPods = self.podsInDomain(of: node, key: term.topologyKey) else { return false }
            if !domainPods.contains(where: { self.selects(term, $0, termNamespace: self.pod.namespace) }) { podsExist = false }
        }
        if podsExist { return true }
        // The first pod of a group with affinity to itself: allowed when no pod anywhere matches any term and
        // the pod matches all its own terms.
        let everyPod = self.allBoundPods
        let anyMatch = terms.contains { term in
            everyPod.contains { self.selects(term, $0, termNamespace: self.pod.namespace) }
        }
        return !anyMatch && terms.allSatisfy { self.selects($0, self.pod, termNamespace: self.pod.namespace) }
    }

    private func satisfiesPodAntiAffinity(_ node: SchedulingFactsCache.NodeFacts) -> Bool {
        for term in self.requiredAntiAffinity {
            guard let domainPods = self.podsInDomain(of: node, key: term.topologyKey) else { continue }
            if domainPods.contains(where: { self.selects(term, $0, termNamespace: self.pod.namespace) }) { return false }
        }
        return true
    }

    private func satisfiesExistingPodsAntiAffinity(_ node: SchedulingFactsCache.NodeFacts) -> Bool {
        for (existing, existingNode, terms) in self.existingAntiAffinity {
            for term in terms {
                guard let value = existingNode.labels[term.topologyKey],
                    node.labels[term.topologyKey] == value,
                    self.selects(term, self.pod, termNamespace: existing.namespace)
                else { continue }
                return false
            }
        }
        return true
    }

    // MARK: Scores

    /// The weighted total score of every node in `feasible`.
    func scores(_ feasible: [SchedulingFactsCache.NodeFacts]) -> [String: Int64] {
        var totals: [String: Int64] = [:]
        for node in feasible { totals[node.name] = 0 }
        func add(_ raw: [String: Int64], weight: Int64) {
            for (name, value) in raw { totals[name, default: 0] += value * weight }
        }
        add(self.taintTolerationScores(feasible), weight: 3)
        add(self.nodeAffinityScores(feasible), weight: 2)
        add(self.spreadScores(feasible), weight: 2)
        add(self.resourceScores(feasible, balanced: false), weight: 1)
        add(self.resourceScores(feasible, balanced: true), weight: 1)
        return totals
    }

    private func taintTolerationScores(_ nodes: [SchedulingFactsCache.NodeFacts]) -> [String: Int64] {
        let tolerations = self.tolerations.filter { ($0.effect ?? "").isEmpty || $0.effect == "PreferNoSchedule" }
        var raw: [String: Int64] = [:]
        for node in nodes {
            raw[node.name] = Int64(node.taints.filter { $0.effect == "PreferNoSchedule" && !tolerations.tolerates($0) }.count)
        }
        return Self.normalize(raw, reverse: true)
    }

    private func nodeAffinityScores(_ nodes: [SchedulingFactsCache.NodeFacts]) -> [String: Int64] {
        let preferred = self.preferredNodeAffinity
        var raw: [String: Int64] = [:]
        for node in nodes {
            raw[node.name] = preferred.filter { $0.preference.matches(labels: node.labels, nodeName: node.name) }
                .reduce(0) { $0 + Int64($1.weight) }
        }
        return Self.normalize(raw, reverse: false)
    }

    /// SelectorSpread: fewer pods of the same controller on the node (⅓) and in its zone (⅔) score higher.
    private func spreadScores(_ nodes: [SchedulingFactsCache.NodeFacts]) -> [String: Int64] {
        guard self.spreading != nil else {
            return Dictionary(uniqueKeysWithValues: nodes.map { ($0.name, Int64(100)) })
        }
        let zoneKey = SimulatedNodeLabels.zone
        var countByNode: [String: Int64] = [:]
        var countByZone: [String: Int64] = [:]
        for node in nodes {
            let count = self.usageByNode[node.name]?.sameController ?? 0
            countByNode[node.name] = count
            if let zone = node.labels[zoneKey] { countByZone[zone, default: 0] += count }
        }
        let maxByNode = countByNode.values.max() ?? 0
        let maxByZone = countByZone.values.max() ?? 0
        let haveZones = !countByZone.isEmpty
        var scores: [String: Int64] = [:]
        for node in nodes {
            var score = 100.0
            if maxByNode > 0 { score = 100.0 * Double(maxByNode - countByNode[node.name]!) / Double(maxByNode) }
            if haveZones, let zone = node.labels[zoneKey] {
                var zoneScore = 100.0
                if maxByZone > 0 { zoneScore = 100.0 * Double(maxByZone - countByZone[zone]!) / Double(maxByZone) }
                score = score / 3.0 + zoneScore * 2.0 / 3.0
            }
            scores[node.name] = Int64(score)
        }
        return scores
    }

    /// LeastAllocated (`balanced == false`) or BalancedAllocation over cpu and memory, with non-zero requests.
    private func resourceScores(_ nodes: [SchedulingFactsCache.NodeFacts], balanced: Bool) -> [String: Int64] {
        var scores: [String: Int64] = [:]
        for node in nodes {
            let allocatable = node.allocated
            var requested = self.podNonZeroRequest
            if let usage = self.usageByNode[node.name] { requested.add(usage.nonZeroRequested) }
            let pairs = [(requested.milliCPU, allocatable.milliCPU), (requested.memory, allocatable.memory)]
            if balanced {
                let fractions = pairs.map { $0.1 == 0 ? 1.0 : min(1.0, Double($0.0) / Double($0.1)) }
                let deviation = abs(fractions[0] - fractions[1]) / 2
                scores[node.name] = Int64((1 - deviation) * 100)
            } else {
                let perResource = pairs.map { pair -> Int64 in
                    let (used, capacity) = pair
                    guard capacity > 0, used <= capacity else { return 0 }
                    return (capacity - used) * 100 / capacity
                }
                scores[node.name] = perResource.reduce(0, +) / Int64(perResource.count)
            }
        }
        return scores
    }

    /// kube-scheduler's `DefaultNormalizeScore` to 0...100.
    static func normalize(_ raw: [String: Int64], reverse: Bool) -> [String: Int64] {
        let maximum = raw.values.max() ?? 0
        var result: [String: Int64] = [:]
        for (name, value) in raw {
            if maximum == 0 {
                result[name] = reverse ? 100 : 0
            } else {
                let score = value * 100 / maximum
                result[name] = reverse ? 100 - score : score
            }
        }
        return result
    }
}
