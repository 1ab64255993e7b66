import BuiltinControllers
import KubeJSON
import KubeModel
import Testing

@Suite struct DeploymentPlannerTests {
    let planner = DeploymentPlanner()

    static func deployment(
        replicas: Int32 = 4, image: String = "nginx:2", strategy: JSONValue? = nil, paused: Bool = false,
        historyLimit: Int32? = nil, generation: Int64 = 2, status: DeploymentStatus = DeploymentStatus()
    ) -> Deployment {
        var metadata = ObjectMeta(name: "web", namespace: "default")
        metadata.uid = "uid-deploy"
        metadata.generation = generation
        metadata.annotations = ["team": "a", "kubectl.kubernetes.io/last-applied-configuration": "{}"]
        var deployment = Deployment(metadata: metadata)
        var spec = DeploymentSpec()
        spec.replicas = replicas
        spec.selector = LabelSelector(matchLabels: ["app": "web"])
        spec.template = Fixtures.template(image: image)
        spec.paused = paused
        spec.revisionHistoryLimit = historyLimit
        if let strategy { spec.object["strategy"] = strategy }
        deployment.spec = spec
        deployment.status = status
        return deployment
    }

    /// A ReplicaSet the Deployment owns, for `image`, with `replicas` all available.
    static func ownedSet(
        _ deployment: Deployment, image: String, replicas: Int32, available: Int32? = nil, revision: Int = 1,
        created: Int64 = 1000, statusReplicas: Int32? = nil
    ) -> ReplicaSet {
        var template = Fixtures.template(image: image)
        let hash = TemplateHash.podTemplateHash(template, collisionCount: nil)
        var templateMetadata = template.metadata
        templateMetadata.labels = ["app": "web", "pod-template-hash": hash]
        template.metadata = templateMetadata
        var set = Fixtures.replicaSet("web-\(hash)", replicas: replicas, template: template)
        var metadata = set.metadata
        metadata.creationTimestamp = Fixtures.time(created)
        metadata.ownerReferences = [OwnerReference(to: deployment)]
        metadata.annotations = [
            DeploymentPlanner.revisionAnnotation: String(revision),
            DeploymentPlanner.desiredReplicasAnnotation: String(deployment.spec.replicas ?? 1),
            DeploymentPlanner.maxReplicasAnnotation: String((deployment.spec.replicas ?? 1) + 1),
        ]
        set.metadata = metadata
        var status = set.status
        status.replicas = statusReplicas ?? replicas
        status.readyReplicas = available ?? replicas
        status.availableReplicas = available ?? replicas
        status.observedGeneration = 1
        set.status = status
        return set
    }

    static func replicaSetWrites(_ plan: ControllerPlan<DeploymentStatus>) -> [(String, Int32, Bool)] {
        plan.actions.compactMap {
            switch $0 {
            case .createReplicaSet(let set): (set.name, set.spec.replicas ?? -1, true)
            case .updateReplicaSet(let set): (set.name, set.spec.replicas ?? -1, false)
            default: nil
            }
        }
    }

    @Test func hashHasKubernetesShape() {
        let template = Fixtures.template()
        let hash = TemplateHash.podTemplateHash(template, collisionCount: nil)
        #expect(!hash.isEmpty && hash.count <= 10)
        #expect(hash.utf8.allSatisfy { TemplateHash.safeAlphabet.contains($0) })
        #expect(hash == TemplateHash.podTemplateHash(template, collisionCount: nil))
        #expect(hash != TemplateHash.podTemplateHash(template, collisionCount: 1))
        #expect(hash != TemplateHash.podTemplateHash(Fixtures.template(image: "other"), collisionCount: nil))
        #expect(TemplateHash.safeEncode("0123456789") == "456789bcdf")
        #expect(TemplateHash.fnv32a(Array("a".utf8)) == 0xE40C_292C)
    }

    @Test(arguments: [
        (surge: IntOrString?.none, unavailable: IntOrString?.none, desired: 4, expected: [1, 1]),
        (surge: "25%", unavailable: "25%", desired: 10, expected: [3, 2]),
        (surge: 0, unavailable: 0, desired: 10, expected: [0, 1]),
        (surge: "0%", unavailable: "10%", desired: 5, expected: [0, 1]),
        (surge: 2, unavailable: "50%", desired: 3, expected: [2, 1]),
    ])
    func fenceposts(surge: IntOrString?, unavailable: IntOrString?, desired: Int, expected: [Int]) throws {
        let resolved = try DeploymentPlanner.resolveFenceposts(maxSurge: surge, maxUnavailable: unavailable, desired: desired)
        #expect([resolved.surge, resolved.unavailable] == expected)
    }

    @Test func invalidPercentIsTypedError() {
        #expect(throws: PlanningError.self) {
            try DeploymentPlanner.resolveFenceposts(maxSurge: "5", maxUnavailable: nil, desired: 4)
        }
    }

    @Test func firstSyncCreatesTheNewReplicaSet() throws {
        let deployment = Self.deployment()
        let plan = try planner.plan(deployment: deployment, replicaSets: [], pods: [], now: Fixtures.now)
        guard case .createReplicaSet(let set)? = plan.actions.first else {
            Issue.record("no create")
            return
        }
        let hash = TemplateHash.podTemplateHash(deployment.spec.template, collisionCount: nil)
        #expect(set.name == "web-\(hash)")
        #expect(set.spec.replicas == 4)
        #expect(set.metadata.labels["pod-template-hash"] == hash)
        #expect(set.spec.template.metadata.labels == ["app": "web", "pod-template-hash": hash])
        #expect(set.spec.selector?.matchLabels == ["app": "web", "pod-template-hash": hash])
        #expect(set.spec.template.spec.object["x-unknown-field"] == "kept")
        let annotations = set.metadata.annotations
        #expect(annotations[DeploymentPlanner.revisionAnnotation] == "1")
        #expect(annotations[DeploymentPlanner.desiredReplicasAnnotation] == "4")
        #expect(annotations[DeploymentPlanner.maxReplicasAnnotation] == "5")
        #expect(annotations["team"] == "a")
        #expect(annotations["kubectl.kubernetes.io/last-applied-configuration"] == nil)
        #expect(set.metadata.controllerReference?.uid == "uid-deploy")
        #expect(plan.actions.contains { if case .updateDeployment(let d) = $0 { d.metadata.annotations[DeploymentPlanner.revisionAnnotation] == "1" } else { false } })
        let progressing = plan.status.conditions[type: "Progressing"]
        #expect(progressing?.reason == "NewReplicaSetCreated")
        #expect(progressing?.message == "Created new replica set \"web-\(hash)\"")
        #expect(progressing?.lastUpdateTime == Fixtures.now)
        #expect(plan.status.conditions[type: "Available"]?.status == "False")
        #expect(plan.status.observedGeneration == 2)
        #expect(try planner.plan(deployment: deployment, replicaSets: [], pods: [], now: Fixtures.now) == plan)
    }

    @Test func rollingUpdateSurgesThenScalesOldDown() throws {
        let deployment = Self.deployment(image: "nginx:2")
        let old = Self.ownedSet(deployment, image: "nginx:1", replicas: 4)
        let plan = try planner.plan(deployment: deployment, replicaSets: [old], pods: [], now: Fixtures.now)
        let writes = Self.replicaSetWrites(plan)
        #expect(writes.count == 2)
        #expect(writes[0].1 == 1 && writes[0].2)
        #expect(writes[1].0 == old.name && writes[1].1 == 3 && !writes[1].2)
        if case .createReplicaSet(let created) = plan.actions.first {
            #expect(created.metadata.annotations[DeploymentPlanner.revisionAnnotation] == "2")
        }
    }

    /// Each row: (new RS spec, new available, old spec, old available) → the (new, old) sizes planned.
    @Test(arguments: [
        (newSpec: 1, newAvailable: 0, oldSpec: 3, oldAvailable: 3, expected: [2, 3]),
        (newSpec: 1, newAvailable: 1, oldSpec: 3, oldAvailable: 3, expected: [2, 3]),
        (newSpec: 2, newAvailable: 2, oldSpec: 3, oldAvailable: 3, expected: [2, 1]),
        (newSpec: 2, newAvailable: 1, oldSpec: 3, oldAvailable: 3, expected: [2, 2]),
        (newSpec: 2, newAvailable: 2, oldSpec: 3, oldAvailable: 1, expected: [2, 1]),
        (newSpec: 4, newAvailable: 4, oldSpec: 1, oldAvailable: 1, expected: [4, 0]),
    ])
    func rollingUpdateSteps(newSpec: Int32, newAvailable: Int32, oldSpec: Int32, oldAvailable: Int32, expected: [Int32]) throws {
        let deployment = Self.deployment()
        let old = Self.ownedSet(deployment, image: "nginx:1", replicas: oldSpec, available: oldAvailable, created: 2000)
        let new = Self.ownedSet(deployment, image: "nginx:2", replicas: newSpec, available: newAvailable, revision: 2)
        let plan = try planner.plan(deployment: deployment, replicaSets: [old, new], pods: [], now: Fixtures.now)
        var sizes = [new.name: newSpec, old.name: oldSpec]
        for (name, replicas, _) in Self.replicaSetWrites(plan) { sizes[name] = replicas }
        #expect([sizes[new.name], sizes[old.name]] == expected.map { Optional($0) })
    }

    @Test func completeRolloutStatusAndCleanup() throws {
        var previous = DeploymentStatus()
        previous.replicas = 4
        previous.updatedReplicas = 4
        previous.availableReplicas = 3
        let deployment = Self.deployment(historyLimit: 1, status: previous)
        let new = Self.ownedSet(deployment, image: "nginx:2", replicas: 4, revision: 4)
        let old1 = Self.ownedSet(deployment, image: "nginx:0", replicas: 0, revision: 1, created: 3000)
        let old2 = Self.ownedSet(deployment, image: "nginx:1", replicas: 0, revision: 3, created: 2000)
        let plan = try planner.plan(deployment: deployment, replicaSets: [new, old1, old2], pods: [], now: Fixtures.now)
        #expect(plan.actions == [.deleteReplicaSet(ObjectIdentity(of: old1))] || plan.actions.contains(.deleteReplicaSet(ObjectIdentity(of: old1))))
        #expect(!plan.actions.contains(.deleteReplicaSet(ObjectIdentity(of: old2))))
        let status = plan.status
        #expect((status.replicas, status.updatedReplicas, status.readyReplicas, status.availableReplicas, status.unavailableReplicas) == (4, 4, 4, 4, 0))
        let available = status.conditions[type: "Available"]
        #expect(available?.status == "True" && available?.reason == "MinimumReplicasAvailable")
        #expect(available?.message == "Deployment has minimum availability.")
        let progressing = status.conditions[type: "Progressing"]
        #expect(progressing?.reason == "NewReplicaSetAvailable")
        #expect(progressing?.message == "ReplicaSet \"\(new.name)\" has successfully progressed.")
        #expect(plan.requeueAfter == nil)
    }

    @Test func rollbackBumpsRevisionOfTheReusedReplicaSet() throws {
        let deployment = Self.deployment(image: "nginx:1")
        let current = Self.ownedSet(deployment, image: "nginx:2", replicas: 4, revision: 2)
        let previous = Self.ownedSet(deployment, image: "nginx:1", replicas: 0, revision: 1, created: 5000)
        let plan = try planner.plan(deployment: deployment, replicaSets: [current, previous], pods: [], now: Fixtures.now)
        guard case .updateReplicaSet(let updated)? = plan.actions.first else {
            Issue.record("expected the reused ReplicaSet's annotations to be updated first")
            return
        }
        #expect(updated.name == previous.name)
        #expect(updated.metadata.annotations[DeploymentPlanner.revisionAnnotation] == "3")
        #expect(updated.metadata.annotations[DeploymentPlanner.revisionHistoryAnnotation] == "1")
    }

    @Test func recreateScalesDownWaitsThenCreates() throws {
        let strategy: JSONValue = ["type": "Recreate"]
        let deployment = Self.deployment(strategy: strategy)
        let old = Self.ownedSet(deployment, image: "nginx:1", replicas: 4)
        // 1. Old ReplicaSet still has replicas: scale it to 0, create nothing.
        var plan = try planner.plan(deployment: deployment, replicaSets: [old], pods: [], now: Fixtures.now)
        #expect(Self.replicaSetWrites(plan).map { [$0.0, String($0.1)] } == [[old.name, "0"]])
        // 2. Scaled to 0 but a pod is still running (terminating): wait.
        var drained = old
        var spec = drained.spec
        spec.replicas = 0
        drained.spec = spec
        var status = drained.status
        status.replicas = 0
        status.availableReplicas = 0
        status.readyReplicas = 0
        drained.status = status
        let lingering = Fixtures.rsPod("old-pod", of: drained, deleting: true)
        plan = try planner.plan(deployment: deployment, replicaSets: [drained], pods: [lingering], now: Fixtures.now)
        #expect(Self.replicaSetWrites(plan).isEmpty)
        // 3. All gone: create the new ReplicaSet at full size.
        plan = try planner.plan(deployment: deployment, replicaSets: [drained], pods: [], now: Fixtures.now)
        let writes = Self.replicaSetWrites(plan)
        #expect(writes.count == 1 && writes[0].1 == 4 && writes[0].2)
    }

    @Test func pausedDoesNotRollOut() throws {
        let deployment = Self.deployment(image: "nginx:2", paused: true)
        let old = Self.ownedSet(deployment, image: "nginx:1", replicas: 4)
        let plan = try planner.plan(deployment: deployment, replicaSets: [old], pods: [], now: Fixtures.now)
        #expect(Self.replicaSetWrites(plan).isEmpty)
        #expect(plan.status.replicas == 4 && plan.status.updatedReplicas == 0)
        let progressing = plan.status.conditions[type: "Progressing"]
        #expect(progressing?.status == "Unknown" && progressing?.reason == "DeploymentPaused")
    }

    @Test func scalingEventScalesTheOnlyActiveReplicaSet() throws {
        let deployment = Self.deployment(replicas: 6)
        var current = Self.ownedSet(deployment, image: "nginx:2", replicas: 4)
        var metadata = current.metadata
        var annotations = metadata.annotations
        annotations[DeploymentPlanner.desiredReplicasAnnotation] = "4"
        metadata.annotations = annotations
        current.metadata = metadata
        let plan = try planner.plan(deployment: deployment, replicaSets: [current], pods: [], now: Fixtures.now)
        let writes = Self.replicaSetWrites(plan)
        #expect(writes.count == 1 && writes[0].1 == 6)
    }

    @Test func progressDeadlineExceeded() throws {
        var previous = DeploymentStatus()
        var progressing = Condition(type: "Progressing", status: "True", reason: "ReplicaSetUpdated", message: "x")
        progressing.lastUpdateTime = Fixtures.time(700)
        progressing.lastTransitionTime = Fixtures.time(700)
        previous.conditions = [progressing]
        previous.replicas = 4
        previous.updatedReplicas = 1
        previous.readyReplicas = 3
        previous.availableReplicas = 3
        let deployment = Self.deployment(status: previous)
        let old = Self.ownedSet(deployment, image: "nginx:1", replicas: 3, created: 2000)
        let new = Self.ownedSet(deployment, image: "nginx:2", replicas: 1, available: 0, revision: 2)
        let plan = try planner.plan(deployment: deployment, replicaSets: [old, new], pods: [], now: Fixtures.now)
        let condition = plan.status.conditions[type: "Progressing"]
        #expect(condition?.status == "False" && condition?.reason == "ProgressDeadlineExceeded")
        #expect(condition?.message == "ReplicaSet \"\(new.name)\" has timed out progressing.")
        // Not yet past the deadline: a requeue for when it would be.
        var recent = previous
        progressing.lastUpdateTime = Fixtures.time(100)
        recent.conditions = [progressing]
        let waiting = try planner.plan(deployment: Self.deployment(status: recent), replicaSets: [old, new], pods: [], now: Fixtures.now)
        #expect(waiting.status.conditions[type: "Progressing"]?.reason == "ReplicaSetUpdated")
        #expect(waiting.requeueAfter == .seconds(501))
    }

    @Test func hashCollisionBumpsCollisionCount() throws {
        let deployment = Self.deployment()
        let hash = TemplateHash.podTemplateHash(deployment.spec.template, collisionCount: nil)
        let squatter = Fixtures.replicaSet("web-\(hash)", template: Fixtures.template(image: "other"))
        let plan = try planner.plan(deployment: deployment, replicaSets: [squatter], pods: [], now: Fixtures.now)
        #expect(Self.replicaSetWrites(plan).isEmpty)
        #expect(plan.status.collisionCount == 1)
        #expect(plan.requeueAfter == .zero)
        #expect(DeploymentPlanner.statusAfterHashCollision(deployment).collisionCount == 1)
    }
}
