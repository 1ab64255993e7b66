import KubeJSON
import KubeModel
@testable import NodeSimulation

/// Builders for the tests.
enum Fixtures {
    static let t0 = KubeTime(seconds: 1_700_000_000)

    static func pod(
        _ name: String,
        namespace: String = "default",
        labels: [String: String] = [:],
        uid: String? = nil,
        yaml spec: String = "containers: [{name: app, image: nginx:1.25}]"
    ) -> Pod {
        let json = try! YAMLReader.read(spec)
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: namespace))
        var metadata = pod.metadata
        metadata.labels = labels
        metadata.uid = uid ?? "uid-\(name)"
        pod.metadata = metadata
        pod.object["spec"] = json
        return pod
    }

    static func bound(_ pod: Pod, to node: String) -> Pod {
        var pod = pod
        var spec = pod.spec
        spec.nodeName = node
        pod.spec = spec
        return pod
    }

    static func nodes(_ count: Int, yaml: String? = nil) -> [Node] {
        var options = NodeFleetOptions(count: count)
        if let yaml { options.configuration = try! NodeConfiguration(yaml: yaml) }
        return NodeFleet(options: options).nodes(now: t0)
    }

    static func owned(_ pod: Pod, by uid: String) -> Pod {
        var pod = pod
        var metadata = pod.metadata
        var owner = OwnerReference()
        owner.apiVersion = "apps/v1"
        owner.kind = "ReplicaSet"
        owner.name = "rs"
        owner.uid = uid
        owner.controller = true
        metadata.ownerReferences = [owner]
        pod.metadata = metadata
        return pod
    }
}
