import KruiseAPI
import KubeJSON
import KubeModel
import Testing

@Suite struct WorkloadSpreadValidationTests {
    typealias F = WorkloadSpreadFixtures
    static func messages(_ errors: [FieldError]) -> [String] { errors.map(\.description) }

    static func withSubsets(_ subsets: [WorkloadSpreadSubset], kind: String = "Deployment", apiVersion: String = "apps/v1") -> WorkloadSpread {
        var ws = F.zones(kind: kind, apiVersion: apiVersion)
        ws.spec.subsets = subsets
        return ws
    }

    @Test func validObjectsPass() {
        #expect(WorkloadSpreadValidation.validateCreate(F.zones()).isEmpty)
        #expect(WorkloadSpreadValidation.validateCreate(F.zones(kind: "CloneSet", apiVersion: "apps.kruise.io/v1alpha1")).isEmpty)
        #expect(WorkloadSpreadValidation.validateCreate(F.zones(kind: "StatefulSet", apiVersion: "apps.kruise.io/v1beta1")).isEmpty)
        #expect(WorkloadSpreadValidation.validateCreate(F.zones(kind: "Job", apiVersion: "batch/v1")).isEmpty)
        #expect(WorkloadSpreadValidation.validateCreate(Self.withSubsets([
            WorkloadSpreadSubset(name: "a", maxReplicas: "30%"), WorkloadSpreadSubset(name: "b", maxReplicas: "70%"),
        ])).isEmpty)
    }

    @Test func targetRefRules() {
        var missing = F.zones()
        missing.spec.targetRef = nil
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(missing)) == [
            "spec.targetRef: Required value: no targetRef defined in WorkloadSpread"
        ])
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(F.zones(kind: "CloneSet", apiVersion: "apps/v1"))) == [
            #"spec.targetRef: Invalid value: v1alpha1.TargetReference{APIVersion:"apps/v1", Kind:"CloneSet", Name:"web"}: TargetReference is not valid for CloneSet."#
        ])
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(F.zones(kind: "TFJob", apiVersion: "kubeflow.org/v1"))) == [
            #"spec.targetRef: Invalid value: v1alpha1.TargetReference{APIVersion:"kubeflow.org/v1", Kind:"TFJob", Name:"web"}: TargetReference's GroupKind is not permitted."#
        ])
        let whitelist = [GroupVersionKind(group: "kubeflow.org", version: "v1", kind: "TFJob")]
        #expect(WorkloadSpreadValidation.validateCreate(F.zones(kind: "TFJob", apiVersion: "kubeflow.org/v1"), customWorkloads: whitelist).isEmpty)
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(F.zones(kind: "", apiVersion: "apps/v1"))) == [
            #"spec.targetRef: Invalid value: v1alpha1.TargetReference{APIVersion:"apps/v1", Kind:"", Name:"web"}: empty TargetReference is not valid for WorkloadSpread."#
        ])
    }

    @Test func targetRefIsImmutableAndUnique() {
        let old = F.zones()
        var renamed = old
        renamed.spec.targetRef?.name = "api"
        #expect(Self.messages(WorkloadSpreadValidation.validateUpdate(renamed, old: old)) == [
            #"spec.targetRef: Invalid value: v1alpha1.TargetReference{APIVersion:"apps/v1", Kind:"Deployment", Name:"api"}: change TargetReference is not permitted for WorkloadSpread"#
        ])
        var newVersion = old
        newVersion.spec.targetRef?.apiVersion = "apps/v1beta2"
        #expect(WorkloadSpreadValidation.validateUpdate(newVersion, old: old).isEmpty)

        var other = F.zones()
        other.metadata.name = "other"
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(old, others: [old, other])) == [
            #"spec.targetRef: Invalid value: v1alpha1.TargetReference{APIVersion:"apps/v1", Kind:"Deployment", Name:"web"}: ws.spec.targetRef is in conflict with other WorkloadSpread other"#
        ])
        other.spec.targetRef?.name = "api"
        #expect(WorkloadSpreadValidation.validateCreate(old, others: [old, other]).isEmpty)
    }

    @Test func subsetNames() {
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(Self.withSubsets([]))) == [
            "spec.subsets: Required value: subsets number must >= 1 in WorkloadSpread"
        ])
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(Self.withSubsets([
            WorkloadSpreadSubset(name: "", maxReplicas: 1), WorkloadSpreadSubset(name: "a", maxReplicas: 1), WorkloadSpreadSubset(name: "a"),
        ]))) == [
            #"spec.subsets[0].name: Invalid value: """#,
            #"spec.subsets[2].name: Invalid value: "a": duplicated subset name a"#,
        ])
    }

    @Test func maxReplicasRules() {
        func check(_ values: [IntOrString?], kind: String = "Deployment") -> [String] {
            let subsets = values.enumerated().map { WorkloadSpreadSubset(name: "s\($0.offset)", maxReplicas: $0.element) }
            return Self.messages(WorkloadSpreadValidation.validateCreate(Self.withSubsets(subsets, kind: kind)))
        }
        #expect(check([1, "50%"]) == [
            #"spec.subsets[1].maxReplicas: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"50%"}: the maxReplicas type of all subsets must be the same"#
        ])
        #expect(check(["60%", "50%"]) == [
            #"spec.subsets[1].maxReplicas: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"50%"}: the sum of all subset's maxReplicas exceeds 100% is no permitted"#
        ])
        #expect(check(["30%", "50%"]) == [
            #"spec.subsets[0].maxReplicas: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"30%"}: maxReplicas sum of all subsets must equal 100% when type is specified as percent"#
        ])
        #expect(check(["30%", nil]).isEmpty)
        #expect(check(["5", nil]) == [
            #"spec.subsets[0].maxReplicas: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"5"}: maxReplicas is not valid for subset"#
        ])
        #expect(check([-1, nil]) == [
            "spec.subsets[0].maxReplicas: Invalid value: intstr.IntOrString{Type:0, IntVal:-1, StrVal:\"\"}: maxReplicas is not valid for subset"
        ])
        #expect(check(["50%", nil], kind: "StatefulSet") == [
            #"spec.subsets[0].maxReplicas: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"50%"}: the maxReplicas type must be Int for StatefulSet"#
        ])
    }

    @Test func schedulingFields() {
        var subset = WorkloadSpreadSubset(name: "a")
        subset.requiredNodeSelectorTerm = NodeSelectorTerm(
            matchExpressions: [
                NodeSelectorRequirement(key: "zone", operator: "In"),
                NodeSelectorRequirement(key: "zone", operator: "Near", values: ["a"]),
            ],
            matchFields: [NodeSelectorRequirement(key: "metadata.labels", operator: "In", values: ["x"])])
        subset.preferredNodeSelectorTerms = [PreferredSchedulingTerm(weight: 0, preference: NodeSelectorTerm(matchExpressions: [
            NodeSelectorRequirement(key: "disk", operator: "Exists", values: ["ssd"])
        ]))]
        subset.tolerations = [Toleration(object: ["operator": "Equal", "value": "x"]), Toleration(object: ["key": "k", "operator": "Exists", "effect": "Sometimes"])]
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(Self.withSubsets([subset]))) == [
            "spec.subsets[0].requiredNodeSelectorTerm.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
            #"spec.subsets[0].requiredNodeSelectorTerm.matchExpressions[1].operator: Invalid value: "Near": not a valid selector operator"#,
            #"spec.subsets[0].requiredNodeSelectorTerm.matchFields[0].key: Invalid value: "metadata.labels": not a valid field selector key"#,
            "spec.subsets[0].preferredSchedulingTerms[0].weight: Invalid value: 0: must be in the range 1-100",
            "spec.subsets[0].preferredSchedulingTerms[0].preference.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            #"spec.subsets[0].tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys""#,
            #"spec.subsets[0].tolerations[1].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute""#,
        ])
    }

    @Test func patchIsCheckedAgainstTheWorkloadTemplate() {
        var template = PodTemplateSpec()
        template.metadata.labels = ["app": "web"]
        template.spec.containers = [Container(name: "main", image: "nginx")]
        var subset = WorkloadSpreadSubset(name: "a")
        subset.patch = ["metadata": ["labels": ["zone": "a"]], "spec": ["containers": [["name": "main", "image": ""]]]]
        let ws = Self.withSubsets([subset])
        // Without the workload nothing is checked, as upstream.
        #expect(WorkloadSpreadValidation.validateCreate(ws).isEmpty)
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(ws, workloadTemplate: template)) == [
            "spec.subsets[0].patch.containers[0].image: Required value"
        ])
        subset.patch = ["spec": ["containers": [["name": "main", "volumeMounts": [["name": "data", "mountPath": "/d"]]]]]]
        let mounts = Self.withSubsets([subset])
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(mounts, workloadTemplate: template)) == [
            #"spec.subsets[0].patch.containers[0].volumeMounts[0].name: Not found: "data""#
        ])
        #expect(WorkloadSpreadValidation.validateCreate(mounts, workloadTemplate: template, volumeClaimNames: ["data"]).isEmpty)
        subset.patch = ["spec": ["containers": "oops"]]
        #expect(WorkloadSpreadValidation.validateCreate(Self.withSubsets([subset]), workloadTemplate: template).count == 1)
    }

    @Test func adaptiveRules() {
        var ws = F.zones()
        var strategy = WorkloadSpreadScheduleStrategy()
        strategy.typeName = "Adaptive"
        var adaptive = AdaptiveWorkloadSpreadStrategy()
        adaptive.rescheduleCriticalSeconds = 295
        strategy.adaptive = adaptive
        ws.spec.scheduleStrategy = strategy
        #expect(WorkloadSpreadValidation.validateCreate(ws).isEmpty)
        adaptive.rescheduleCriticalSeconds = 296
        strategy.adaptive = adaptive
        ws.spec.scheduleStrategy = strategy
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(ws)) == [
            "spec.scheduleStrategy.adaptive.rescheduleCriticalSeconds: Invalid value: 296: rescheduleCriticalSeconds < 0 or rescheduleCriticalSeconds > 295 is not permitted"
        ])
        // Three subsets: (300 − 5) / 2 = 147; the last subset must be unlimited; the type must be Adaptive.
        var subsets = ws.spec.subsets
        subsets.append(WorkloadSpreadSubset(name: "zone-c", maxReplicas: 3))
        ws.spec.subsets = subsets
        adaptive.rescheduleCriticalSeconds = 148
        strategy.adaptive = adaptive
        strategy.typeName = "Fixed"
        ws.spec.scheduleStrategy = strategy
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(ws)) == [
            "spec.scheduleStrategy.type: Invalid value: 148: the scheduleStrategy's type must be adaptive when using adaptive scheduleStrategy",
            "spec.scheduleStrategy.adaptive: Invalid value: 148: the last subset must be not specified when using adaptive scheduleStrategy",
            "spec.scheduleStrategy.adaptive.rescheduleCriticalSeconds: Invalid value: 148: rescheduleCriticalSeconds < 0 or rescheduleCriticalSeconds > 147 is not permitted",
        ])
        strategy.typeName = "Sometimes"
        strategy.adaptive = nil
        ws.spec.scheduleStrategy = strategy
        #expect(Self.messages(WorkloadSpreadValidation.validateCreate(ws)) == [
            #"spec.scheduleStrategy.type: Invalid value: "Sometimes": ScheduleStrategy's type is not valid"#
        ])
    }

    @Test func crdIsShipped() throws {
        let crd = KruiseCRDs.workloadSpread
        #expect(crd.name == "workloadspreads.apps.kruise.io")
        #expect(KruiseCRDs.all.map(\.name).contains(crd.name))
        let spec = try #require(crd.object["spec"])
        #expect(spec["names"]?["shortNames"] == ["ws"])
        #expect(spec["scope"] == "Namespaced")
        let version = try #require(spec["versions"]?[0])
        #expect(version["subresources"]?["status"] == .emptyObject)
        #expect(version["additionalPrinterColumns"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["WorkloadName", "WorkloadKind", "Adaptive", "Age"])
        // A full object passes the structural schema.
        var ws = F.zones()
        var status = WorkloadSpreadSubsetStatus(name: "zone-a", replicas: 1, missingReplicas: 1)
        status.creatingPods = ["p": F.t0]
        status.conditions = [Condition(type: "Schedulable", status: "True")]
        ws.status.subsetStatuses = [status]
        ws.status.versionedSubsetStatuses = ["v1": [status]]
        ws.status.observedGeneration = 2
        let schema = try #require(version["schema"]?["openAPIV3Schema"])
        #expect(SchemaCheck.problems(ws.json, schema: schema) == [])
    }
}
