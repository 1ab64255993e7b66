import KruiseAPI
import KubeJSON
import KubeModel
import Testing

@Suite struct CloneSetValidationTests {
    static func messages(_ errors: [FieldError]) -> [String] { errors.map(\.description) }

    @Test func validObjectsPass() {
        #expect(CloneSetValidation.validateCreate(Fixtures.cloneSet()).isEmpty)
        let sample = CloneSetDefaults.defaulted(Fixtures.sample(), injectTemplateDefaults: true)
        #expect(CloneSetValidation.validateCreate(sample).isEmpty)
    }

    @Test func selectorRules() {
        var missing = Fixtures.cloneSet()
        missing.spec.object["selector"] = nil
        #expect(Self.messages(CloneSetValidation.validateCreate(missing)) == ["spec.selector: Required value"])

        var empty = Fixtures.cloneSet()
        empty.spec.selector = LabelSelector()
        #expect(Self.messages(CloneSetValidation.validateCreate(empty)) == [
            "spec.selector: Invalid value: &LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}: empty selector is invalid for cloneset"
        ])

        var mismatch = Fixtures.cloneSet()
        mismatch.spec.selector = LabelSelector(matchLabels: ["app": "other"])
        #expect(Self.messages(CloneSetValidation.validateCreate(mismatch)) == [
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"
        ])
    }

    @Test func replicasAndTemplateRules() {
        var cloneSet = Fixtures.cloneSet()
        cloneSet.spec.replicas = -1
        cloneSet.spec.template.spec.restartPolicy = "Never"
        cloneSet.spec.template.spec.activeDeadlineSeconds = 5
        cloneSet.spec.template.spec.containers.append(Container(name: "main", image: ""))
        #expect(Self.messages(CloneSetValidation.validateCreate(cloneSet)) == [
            "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
            "spec.template.spec.containers[1].name: Duplicate value: \"main\"",
            "spec.template.spec.containers[1].image: Required value",
            "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
            "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in cloneset is not Supported",
        ])
    }

    @Test func volumeClaimTemplatesCountAsVolumes() {
        var cloneSet = Fixtures.cloneSet()
        var container = cloneSet.spec.template.spec.containers[0]
        container.volumeMounts = [["name": "data", "mountPath": "/data"]]
        cloneSet.spec.template.spec.containers = [container]
        #expect(Self.messages(CloneSetValidation.validateCreate(cloneSet)) == [
            "spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"data\""
        ])
        cloneSet.spec.volumeClaimTemplates = [PersistentVolumeClaim(metadata: ObjectMeta(name: "data"))]
        #expect(CloneSetValidation.validateCreate(cloneSet).isEmpty)
    }

    @Test(arguments: [
        // (type, maxUnavailable, maxSurge, partition, replicas, expected errors)
        ("Bogus", IntOrString.string("20%"), IntOrString.int(0), IntOrString.int(0), Int32(3), [
            "spec.updateStrategy.type: Invalid value: \"Bogus\": must be 'ReCreate', InPlaceIfPossible or 'InPlaceOnly'"
        ]),
        ("ReCreate", .int(0), .int(0), .int(0), 3, [
            "spec.updateStrategy.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: maxUnavailable and maxSurge should not both be less than 1"
        ]),
        ("ReCreate", .int(0), .int(0), .int(0), 0, []),
        ("ReCreate", .string("0%"), .string("10%"), .int(0), 3, []),
        ("InPlaceOnly", .string("20%"), .int(1), .int(0), 3, [
            "spec.updateStrategy.maxSurge: Invalid value: \"1\": can not use maxSurge with strategy type InPlaceOnly"
        ]),
        ("ReCreate", .string("5"), .int(0), .int(0), 3, [
            "spec.updateStrategy.maxUnavailable: Invalid value: \"5\": failed getValueFromIntOrPercent for maxUnavailable: invalid value for IntOrString: invalid type: string is not a percentage",
            "spec.updateStrategy.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"5\"}: maxUnavailable and maxSurge should not both be less than 1",
        ]),
        ("ReCreate", .string("20%"), .int(0), .string("abc"), 3, [
            "spec.updateStrategy.partition: Invalid value: \"abc\": failed getValueFromIntOrPercent for partition: invalid type: string is not a percentage"
        ]),
        ("ReCreate", .string("20%"), .int(0), .int(-1), 3, [
            "spec.updateStrategy.partition: Invalid value: -1: must be greater than or equal to 0"
        ]),
        ("ReCreate", .string("20%"), .int(0), .string("33.5%"), 3, []),
    ])
    func updateStrategyRules(
        type: String, maxUnavailable: IntOrString, maxSurge: IntOrString, partition: IntOrString, replicas: Int32,
        expected: [String]
    ) {
        let cloneSet = Fixtures.cloneSet(
            replicas: replicas, type: type, maxUnavailable: maxUnavailable, maxSurge: maxSurge, partition: partition)
        #expect(Self.messages(CloneSetValidation.validateCreate(cloneSet)) == expected)
    }

    @Test func priorityAndScatterRules() {
        var cloneSet = Fixtures.cloneSet()
        var priority = UpdatePriorityStrategy()
        priority.orderPriority = [UpdatePriorityOrderTerm(orderedKey: "k")]
        priority.weightPriority = [UpdatePriorityWeightTerm(weight: 1, matchSelector: LabelSelector(matchLabels: ["a": "b"]))]
        cloneSet.spec.updateStrategy.priorityStrategy = priority
        cloneSet.spec.updateStrategy.scatterStrategy = [UpdateScatterTerm(key: "k", value: "v"), UpdateScatterTerm(key: "k", value: "v")]
        #expect(Self.messages(CloneSetValidation.validateCreate(cloneSet)) == [
            "spec.updateStrategy.priorityStrategy: Required value: only one of weightPriority and orderPriority can be used",
            "spec.updateStrategy.scatterStrategy: Required value: duplicated key=k value=v",
        ])
        priority.orderPriority = []
        priority.weightPriority = [UpdatePriorityWeightTerm(weight: 101, matchSelector: LabelSelector(matchLabels: ["a": "b"]))]
        cloneSet.spec.updateStrategy.priorityStrategy = priority
        cloneSet.spec.updateStrategy.scatterStrategy = [UpdateScatterTerm(key: "", value: "v")]
        #expect(Self.messages(CloneSetValidation.validateCreate(cloneSet)) == [
            "spec.updateStrategy.priorityStrategy: Required value: weight must be valid number in the range 1-100",
            "spec.updateStrategy.scatterStrategy: Required value: key should not be empty",
        ])
    }

    static func pod(_ name: String, ownerUID: String?, deleting: Bool = false) -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
        if let ownerUID {
            var reference = OwnerReference()
            reference.apiVersion = "apps.kruise.io/v1alpha1"
            reference.kind = "CloneSet"
            reference.name = "web"
            reference.uid = ownerUID
            reference.controller = true
            pod.metadata.ownerReferences = [reference]
        }
        if deleting { pod.metadata.deletionTimestamp = KubeTime(seconds: 1_700_000_000) }
        return pod
    }

    @Test func podsToDeleteRules() {
        var cloneSet = Fixtures.cloneSet()
        cloneSet.spec.scaleStrategy.podsToDelete = ["a", "b", "a"]
        #expect(Self.messages(CloneSetValidation.validateCreate(cloneSet)) == [
            "spec.scaleStrategy.podsToDelete: Invalid value: []string{\"a\", \"b\", \"a\"}: duplicated items [a]"
        ])
        cloneSet.spec.scaleStrategy.podsToDelete = ["web-ok", "web-gone", "web-dying", "web-foreign"]
        let pods = [
            "web-ok": Self.pod("web-ok", ownerUID: "uid-web"),
            "web-dying": Self.pod("web-dying", ownerUID: "uid-web", deleting: true),
            "web-foreign": Self.pod("web-foreign", ownerUID: "uid-other"),
        ]
        #expect(Self.messages(CloneSetValidation.validateCreate(cloneSet, pods: pods)) == [
            "spec.scaleStrategy.podsToDelete: Invalid value: \"web-dying\": find pod web-dying already terminating",
            "spec.scaleStrategy.podsToDelete: Invalid value: \"web-foreign\": find pod web-foreign owner is not this CloneSet",
            "spec.scaleStrategy.podsToDelete: Invalid value: \"web-gone\": find pod web-gone failed: pods \"web-gone\" not found",
        ])
        // Names already listed in the old object are not checked again.
        var old = cloneSet
        old.spec.scaleStrategy.podsToDelete = ["web-gone", "web-dying", "web-foreign"]
        #expect(CloneSetValidation.validateUpdate(cloneSet, old: old, pods: pods).isEmpty)
    }

    @Test func immutableFieldsOnUpdate() {
        let old = Fixtures.cloneSet()
        var changed = old
        changed.spec.replicas = 10
        changed.spec.minReadySeconds = 5
        changed.spec.revisionHistoryLimit = 3
        changed.spec.template.spec.containers[0].image = "nginx:1.26"
        changed.spec.volumeClaimTemplates = [PersistentVolumeClaim(metadata: ObjectMeta(name: "data"))]
        changed.spec.updateStrategy.paused = true
        #expect(CloneSetValidation.validateUpdate(changed, old: old).isEmpty)

        var selectorChanged = old
        selectorChanged.spec.selector = LabelSelector(matchLabels: ["app": "web", "tier": "x"])
        selectorChanged.spec.template.metadata.labels = ["app": "web", "tier": "x"]
        #expect(Self.messages(CloneSetValidation.validateUpdate(selectorChanged, old: old)) == [
            "spec: Forbidden: " + CloneSetValidation.immutableFieldsMessage
        ])
    }

    @Test func inPlaceOnlyAllowsOnlyImageChanges() {
        let old = Fixtures.cloneSet(type: "InPlaceOnly")
        var imageOnly = old
        imageOnly.spec.template.spec.containers[0].image = "nginx:1.26"
        imageOnly.spec.template.metadata.annotations = ["note": "metadata changes are fine"]
        #expect(CloneSetValidation.validateUpdate(imageOnly, old: old).isEmpty)

        var envChanged = old
        envChanged.spec.template.spec.containers[0].object["args"] = ["--x"]
        #expect(Self.messages(CloneSetValidation.validateUpdate(envChanged, old: old)) == [
            "spec: Forbidden: only allowed to update images in spec for InPlaceOnly, but found add /containers/0/args"
        ])
    }

    @Test func nameMustBeASubdomain() {
        var cloneSet = Fixtures.cloneSet()
        cloneSet.metadata.name = "Web_1"
        let errors = CloneSetValidation.validateCreate(cloneSet)
        #expect(errors.count == 1)
        #expect(errors.first?.field == "metadata.name")
        #expect(errors.first?.message.hasPrefix("Invalid value: \"Web_1\": a lowercase RFC 1123 subdomain") == true)
    }
}
