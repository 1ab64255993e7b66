internal import KubeJSON
internal import KubeModel

extension TablePrinter {
    /// `NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE` + wide `SELECTOR`.
    static let services = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Type", description: "type determines how the Service is exposed."),
            TableColumnDefinition(name: "Cluster-IP", description: "clusterIP is the IP address of the service."),
            TableColumnDefinition(name: "External-IP", description: "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
            TableColumnDefinition(name: "Port(s)", description: "The list of ports that are exposed by this service."),
            .age,
            .wide("Selector", "Route service traffic to pods with label keys and values matching this selector."),
        ],
        cells: { service in
            let type = service.string("spec", "type") ?? "ClusterIP"
            let ports = service.array("spec", "ports").map { port in
                let number = port["port"]?.int64Value ?? 0
                let proto = port["protocol"]?.stringValue ?? "TCP"
                if let nodePort = port["nodePort"]?.int64Value, nodePort > 0 { return "\(number):\(nodePort)/\(proto)" }
                return "\(number)/\(proto)"
            }
            return [
                .string(service.name),
                .string(type),
                TableSource.orNone(service.string("spec", "clusterIP")),
                .string(Self.externalIP(of: service, type: type)),
                TableSource.orNone(ports.joined(separator: ",")),
                .string(service.age),
                .string(TableSource.formatLabels(service.object("spec", "selector"))),
            ]
        }
    )

    private static func externalIP(of service: TableSource, type: String) -> String {
        let externalIPs = service.array("spec", "externalIPs").compactMap(\.stringValue)
        switch type {
        case "ClusterIP", "NodePort":
            return externalIPs.isEmpty ? "<none>" : externalIPs.joined(separator: ",")
        case "LoadBalancer":
            let balancers = Self.loadBalancerAddresses(service.array("status", "loadBalancer", "ingress"))
            let all = balancers + externalIPs
            return all.isEmpty ? "<pending>" : all.joined(separator: ",")
        case "ExternalName":
            return service.string("spec", "externalName") ?? ""
        default:
            return "<unknown>"
        }
    }

    private static func loadBalancerAddresses(_ ingress: [JSONValue]) -> [String] {
        ingress.compactMap { entry in
            if let ip = entry["ip"]?.stringValue, !ip.isEmpty { return ip }
            if let hostname = entry["hostname"]?.stringValue, !hostname.isEmpty { return hostname }
            return nil
        }
    }

    /// `NAME STATUS ROLES AGE VERSION` + wide `INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME`.
    static let nodes = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Status", description: "The status of the node"),
            TableColumnDefinition(name: "Roles", description: "The roles of the node"),
            .age,
            TableColumnDefinition(name: "Version", description: "Kubelet Version reported by the node."),
            .wide("Internal-IP", "List of addresses reachable to the node."),
            .wide("External-IP", "List of addresses reachable to the node."),
            .wide("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."),
            .wide("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
            .wide("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2)."),
        ],
        cells: { node in
            var status: [String] = []
            switch TableSource.conditionStatus(node.array("status", "conditions"), type: "Ready") {
            case "True": status.append("Ready")
            case .some: status.append("NotReady")
            case nil: status.append("Unknown")
            }
            if node.bool("spec", "unschedulable") { status.append("SchedulingDisabled") }
            var roles: Set<String> = []
            for label in node.object("metadata", "labels") {
                if label.key.hasPrefix("node-role.kubernetes.io/") {
                    let role = String(label.key.dropFirst("node-role.kubernetes.io/".count))
                    if !role.isEmpty { roles.insert(role) }
                } else if label.key == "kubernetes.io/role", let role = label.value.stringValue, !role.isEmpty {
                    roles.insert(role)
                }
            }
            let addresses = node.array("status", "addresses")
            func address(_ type: String) -> JSONValue {
                TableSource.orNone(addresses.first { $0["type"]?.stringValue == type }?["address"]?.stringValue)
            }
            return [
                .string(node.name),
                .string(status.joined(separator: ",")),
                .string(roles.isEmpty ? "<none>" : roles.sorted().joined(separator: ",")),
                .string(node.age),
                .string(node.string("status", "nodeInfo", "kubeletVersion") ?? ""),
                address("InternalIP"),
                address("ExternalIP"),
                .string(node.string("status", "nodeInfo", "osImage") ?? ""),
                .string(node.string("status", "nodeInfo", "kernelVersion") ?? ""),
                .string(node.string("status", "nodeInfo", "containerRuntimeVersion") ?? ""),
            ]
        }
    )

    /// `NAME STATUS AGE`.
    static let namespaces = TablePrinter(
        columns: [.name, TableColumnDefinition(name: "Status", description: "The status of the namespace"), .age],
        cells: { namespace in
            [.string(namespace.name), .string(namespace.string("status", "phase") ?? ""), .string(namespace.age)]
        }
    )

    /// `NAME DATA AGE`.
    static let configMaps = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Data", type: "integer", description: "Data contains the configuration data."),
            .age,
        ],
        cells: { configMap in
            let count = configMap.object("data").count + configMap.object("binaryData").count
            return [.string(configMap.name), .int(Int64(count)), .string(configMap.age)]
        }
    )

    /// `NAME TYPE DATA AGE`.
    static let secrets = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Type", description: "Used to facilitate programmatic handling of secret data."),
            TableColumnDefinition(name: "Data", type: "integer", description: "Data contains the secret data."),
            .age,
        ],
        cells: { secret in
            [
                .string(secret.name),
                .string(secret.string("type") ?? ""),
                .int(Int64(secret.object("data").count)),
                .string(secret.age),
            ]
        }
    )

    /// `NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE` + wide `VOLUMEMODE`.
    static let persistentVolumeClaims = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Status", description: "phase represents the current phase of PersistentVolumeClaim."),
            TableColumnDefinition(name: "Volume", description: "volumeName is the binding reference to the PersistentVolume backing this claim."),
            TableColumnDefinition(name: "Capacity", description: "capacity represents the actual resources of the underlying volume."),
            TableColumnDefinition(name: "Access Modes", description: "accessModes contains the actual access modes the volume backing the PVC has."),
            TableColumnDefinition(name: "StorageClass", description: "storageClassName is the name of the StorageClass required by the claim."),
            TableColumnDefinition(name: "VolumeAttributesClass", description: "volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim."),
            .age,
            .wide("VolumeMode", "volumeMode defines what type of volume is required by the claim."),
        ],
        cells: { claim in
            let phase = claim.isBeingDeleted ? "Terminating" : claim.string("status", "phase") ?? ""
            let volume = claim.string("spec", "volumeName") ?? ""
            var capacity = ""
            var accessModes = ""
            if !volume.isEmpty {
                capacity = claim.string("status", "capacity", "storage") ?? ""
                let modes = Set(claim.array("status", "accessModes").compactMap(\.stringValue))
                let short: [(String, String)] = [
                    ("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP"),
                ]
                accessModes = short.filter { modes.contains($0.0) }.map(\.1).joined(separator: ",")
            }
            let storageClass =
                claim.string("metadata", "annotations", "volume.beta.kubernetes.io/storage-class")
                ?? claim.string("spec", "storageClassName") ?? ""
            let attributesClass = claim.string("spec", "volumeAttributesClassName").flatMap { $0.isEmpty ? nil : $0 } ?? "<unset>"
            return [
                .string(claim.name), .string(phase), .string(volume), .string(capacity), .string(accessModes),
                .string(storageClass), .string(attributesClass), .string(claim.age),
                .string(claim.string("spec", "volumeMode") ?? "<unset>"),
            ]
        }
    )

    /// `LAST SEEN TYPE REASON OBJECT MESSAGE` + wide `SUBOBJECT SOURCE FIRST SEEN COUNT NAME`.
    static let events = TablePrinter(
        columns: [
            TableColumnDefinition(name: "Last Seen", description: "The time at which the most recent occurrence of this event was recorded."),
            TableColumnDefinition(name: "Type", description: "Type of this event (Normal, Warning), new types could be added in the future"),
            TableColumnDefinition(name: "Reason", description: "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
            TableColumnDefinition(name: "Object", description: "The object that this event is about."),
            .wide("Subobject", "The field of the object that this event is about."),
            .wide("Source", "The component reporting this event."),
            TableColumnDefinition(name: "Message", description: "A human-readable description of the status of this operation."),
            .wide("First Seen", "The time at which the event was first recorded."),
            .wide("Count", "The number of times this event has occurred."),
            TableColumnDefinition(name: "Name", format: "name", description: TableColumnDefinition.name.description, priority: 1),
        ],
        cells: { event in
            let eventTime = event.time("eventTime")
            let first = event.time("firstTimestamp")
            let firstSeen = first.map(event.since) ?? event.since(eventTime)
            var lastSeen = event.time("lastTimestamp").map(event.since) ?? firstSeen
            var count = event.int("count") ?? 0
            if event.value("series").map({ !$0.isNull }) ?? false {
                lastSeen = event.since(event.time("series", "lastObservedTime"))
                count = event.int("series", "count") ?? 0
            } else if count == 0 {
                count = 1
            }
            let kind = (event.string("involvedObject", "kind") ?? "").lowercased()
            let objectName = event.string("involvedObject", "name") ?? ""
            let component = event.string("source", "component").flatMap { $0.isEmpty ? nil : $0 } ?? event.string("reportingComponent") ?? ""
            let host = event.string("source", "host").flatMap { $0.isEmpty ? nil : $0 } ?? event.string("reportingInstance") ?? ""
            let source = component.isEmpty ? "<none>" : (host.isEmpty ? component : "\(component), \(host)")
            return [
                .string(lastSeen),
                .string(event.string("type") ?? ""),
                .string(event.string("reason") ?? ""),
                .string(objectName.isEmpty ? kind : "\(kind)/\(objectName)"),
                .string(event.string("involvedObject", "fieldPath") ?? ""),
                .string(source),
                .string(Self.trimmed(event.string("message") ?? "")),
                .string(firstSeen),
                .int(count),
                .string(event.name),
            ]
        }
    )

    private static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    /// `NAME HOLDER AGE`.
    static let leases = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Holder", description: "holderIdentity contains the identity of the holder of a current lease."),
            .age,
        ],
        cells: { lease in
            [.string(lease.name), .string(lease.string("spec", "holderIdentity") ?? ""), .string(lease.age)]
        }
    )

    /// `NAME CLASS HOSTS ADDRESS PORTS AGE`.
    static let ingresses = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Class", description: "ingressClassName is the name of an IngressClass cluster resource."),
            TableColumnDefinition(name: "Hosts", description: "Hosts that incoming requests are matched against before the HTTPIngressRuleValue is matched."),
            TableColumnDefinition(name: "Address", description: "Address is a list containing ingress points for the load-balancer"),
            TableColumnDefinition(name: "Ports", description: "Ports of TLS configurations that open"),
            .age,
        ],
        cells: { ingress in
            let rules = ingress.array("spec", "rules")
            var hosts: [String] = []
            var more = false
            for rule in rules {
                if hosts.count == 3 { more = true }
                if !more, let host = rule["host"]?.stringValue, !host.isEmpty { hosts.append(host) }
            }
            var hostsText = hosts.isEmpty ? "*" : hosts.joined(separator: ",")
            if more { hostsText += " + \(rules.count - 3) more..." }
            return [
                .string(ingress.name),
                TableSource.orNone(ingress.string("spec", "ingressClassName")),
                .string(hostsText),
                .string(Self.loadBalancerAddresses(ingress.array("status", "loadBalancer", "ingress")).joined(separator: ",")),
                .string(ingress.array("spec", "tls").isEmpty ? "80" : "80, 443"),
                .string(ingress.age),
            ]
        }
    )

    /// `NAME WEBHOOKS AGE`, for mutating and validating webhook configurations.
    static let webhookConfigurations = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Webhooks", type: "integer", description: "Webhooks is a list of webhooks and the affected resources and operations."),
            .age,
        ],
        cells: { configuration in
            [.string(configuration.name), .int(Int64(configuration.array("webhooks").count)), .string(configuration.age)]
        }
    )
}
