import KubeJSON
import KubeModel
import Testing

@Suite struct SchedulingTermTests {
    static let node: Node = {
        var node = Node(metadata: ObjectMeta(name: "node-1"))
        var metadata = node.metadata
        metadata.labels = ["zone": "a", "cores": "8", "gpu": "true"]
        node.metadata = metadata
        return node
    }()

    @Test(arguments: [
        ("In", ["a", "b"], "zone", true),
        ("In", ["b"], "zone", false),
        ("In", ["a"], "missing", false),
        ("NotIn", ["b"], "zone", true),
        ("NotIn", ["a"], "zone", false),
        ("NotIn", ["a"], "missing", true),
        ("Exists", [], "gpu", true),
        ("Exists", [], "missing", false),
        ("DoesNotExist", [], "missing", true),
        ("DoesNotExist", [], "gpu", false),
        ("Gt", ["4"], "cores", true),
        ("Gt", ["8"], "cores", false),
        ("Lt", ["16"], "cores", true),
        ("Lt", ["8"], "cores", false),
        ("Gt", ["4"], "zone", false),
    ] as [(String, [String], String, Bool)])
    func requirementOperators(op: String, values: [String], key: String, expected: Bool) {
        let term = NodeSelectorTerm(matchExpressions: [NodeSelectorRequirement(key: key, operator: op, values: values)])
        #expect(term.matches(node: Self.node) == expected)
    }

    @Test func invalidRequirementsAndEmptyTermsMatchNothing() {
        #expect(NodeSelectorRequirement(key: "cores", operator: "Gt", values: ["1", "2"]).evaluate("8") == nil)
        #expect(NodeSelectorRequirement(key: "zone", operator: "In").evaluate("a") == nil)
        #expect(NodeSelectorRequirement(key: "zone", operator: "Bogus", values: ["a"]).evaluate("a") == nil)
        #expect(!NodeSelectorTerm().matches(node: Self.node))
        #expect(!NodeSelector(terms: []).matches(node: Self.node))
    }

    @Test func matchFieldsOnNameAndTermsAreORed() {
        let byName = NodeSelectorTerm(matchFields: [NodeSelectorRequirement(key: "metadata.name", operator: "In", values: ["node-1"])])
        let otherName = NodeSelectorTerm(matchFields: [NodeSelectorRequirement(key: "metadata.name", operator: "In", values: ["node-2"])])
        let badField = NodeSelectorTerm(matchFields: [NodeSelectorRequirement(key: "spec.x", operator: "In", values: ["node-1"])])
        #expect(byName.matches(node: Self.node))
        #expect(!otherName.matches(node: Self.node))
        #expect(!badField.matches(node: Self.node))
        #expect(NodeSelector(terms: [otherName, byName]).matches(node: Self.node))
    }

    @Test func podSpecAffinityDecodesFromJSON() throws {
        let pod = try Pod.decode(
            YAMLReader.read("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: ns}
                spec:
                  nodeSelector: {gpu: "true"}
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                        - matchExpressions: [{key: zone, operator: In, values: [b]}]
                        - matchExpressions: [{key: cores, operator: Gt, values: ["4"]}]
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector: {matchLabels: {app: web}}
                        topologyKey: kubernetes.io/hostname
                """)
        )
        #expect(pod.spec.requiredNodeAffinityMatches(Self.node))
        let term = pod.spec.affinityRules.podAntiAffinity.required[0]
        #expect(term.topologyKey == "kubernetes.io/hostname")
        var other = Pod(metadata: ObjectMeta(name: "o", namespace: "ns"))
        var metadata = other.metadata
        metadata.labels = ["app": "web"]
        other.metadata = metadata
        #expect(term.selects(other, ownNamespace: "ns"))
        #expect(!term.selects(other, ownNamespace: "elsewhere"))
    }

    @Test func tolerationsFindTheFirstUntoleratedTaint() {
        var exists = Toleration()
        exists.key = "a"
        exists.operator = "Exists"
        let taints = [Taint(key: "a", value: "1", effect: "NoSchedule"), Taint(key: "b", value: "2", effect: "NoSchedule")]
        #expect([exists].firstUntolerated(of: taints)?.key == "b")
        var all = Toleration()
        all.operator = "Exists"
        #expect([all].firstUntolerated(of: taints) == nil)
    }
}
