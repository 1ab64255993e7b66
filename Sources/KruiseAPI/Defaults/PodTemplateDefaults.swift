public import KubeJSON
public import KubeModel

/// The pod template defaults Kruise's webhooks apply (`SetDefaultPodSpec` in `apis/apps/defaults/pod.go`,
/// which calls Kubernetes' v1 defaulters for the pod spec, containers, probes, volumes and field selectors).
///
/// One Kruise difference from the API server: a regular container without `imagePullPolicy` gets `Always`
/// (so in-place image updates re-pull), while init containers get Kubernetes' rule (`Always` for `:latest` or
/// an untagged image, else `IfNotPresent`).
public enum PodTemplateDefaults {
    /// `spec` with every default set; members already present are never changed.
    public static func defaultPodSpec(_ spec: PodSpec) -> PodSpec {
        var object = spec.object
        // SetDefaults_PodSpec
        setIfAbsent(&object, "dnsPolicy", "ClusterFirst")
        setIfAbsent(&object, "restartPolicy", "Always")
        setIfAbsent(&object, "securityContext", .emptyObject)
        setIfAbsent(&object, "terminationGracePeriodSeconds", .int(30))
        setIfAbsent(&object, "schedulerName", "default-scheduler")
        if case .array(let volumes)? = object["volumes"] {
            object["volumes"] = .array(volumes.map(defaultVolume))
        }
        if case .array(let containers)? = object["initContainers"] {
            object["initContainers"] = .array(containers.map { defaultContainer($0, kind: .initContainer) })
        }
        if case .array(let containers)? = object["containers"] {
            object["containers"] = .array(containers.map { defaultContainer($0, kind: .container) })
        }
        if case .array(let containers)? = object["ephemeralContainers"] {
            object["ephemeralContainers"] = .array(containers.map { defaultContainer($0, kind: .ephemeral) })
        }
        return PodSpec(object: object)
    }

    /// A volume claim template with `SetDefaults_PersistentVolumeClaim` applied (`status.phase: Pending`).
    public static func defaultPersistentVolumeClaim(_ claim: PersistentVolumeClaim) -> PersistentVolumeClaim {
        var copy = claim
        if copy.phase == nil || copy.phase == "" { copy.phase = "Pending" }
        return copy
    }

    /// Kubernetes' image pull policy default for an image: `Always` when the tag is `latest` or absent (and
    /// no digest is given), else `IfNotPresent`.
    public static func defaultPullPolicy(image: String) -> String {
        var reference = Substring(image)
        var hasDigest = false
        if let at = reference.firstIndex(of: "@") {
            hasDigest = true
            reference = reference[..<at]
        }
        let lastComponent = reference.split(separator: "/", omittingEmptySubsequences: false).last ?? reference
        var tag: Substring = ""
        if let colon = lastComponent.lastIndex(of: ":") { tag = lastComponent[lastComponent.index(after: colon)...] }
        if tag.isEmpty && !hasDigest { tag = "latest" }
        return tag == "latest" ? "Always" : "IfNotPresent"
    }

    private enum ContainerKind { case container, initContainer, ephemeral }

    private static func setIfAbsent(_ object: inout JSONObject, _ key: String, _ value: JSONValue) {
        if object[key] == nil || object[key] == .null || object[key] == .string("") { object[key] = value }
    }

    private static func defaultContainer(_ value: JSONValue, kind: ContainerKind) -> JSONValue {
        guard case .object(var container) = value else { return value }
        if kind != .ephemeral {
            if kind == .container { setIfAbsent(&container, "imagePullPolicy", "Always") }
            // SetDefaults_Container
            setIfAbsent(&container, "imagePullPolicy", .string(defaultPullPolicy(image: container["image"]?.stringValue ?? "")))
            setIfAbsent(&container, "terminationMessagePath", "/dev/termination-log")
            setIfAbsent(&container, "terminationMessagePolicy", "File")
        }
        if case .array(let ports)? = container["ports"] {
            container["ports"] = .array(ports.map { port in
                guard case .object(var object) = port else { return port }
                setIfAbsent(&object, "protocol", "TCP")
                return .object(object)
            })
        }
        if case .array(let env)? = container["env"] {
            container["env"] = .array(env.map { variable in
                guard case .object(var object) = variable, case .object(var source)? = object["valueFrom"] else {
                    return variable
                }
                if let fieldRef = source["fieldRef"] { source["fieldRef"] = defaultFieldRef(fieldRef) }
                object["valueFrom"] = .object(source)
                return .object(object)
            })
        }
        // Go marshals the non-pointer `resources` struct even when empty.
        if container["resources"] == nil { container["resources"] = .emptyObject }
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
            if case .object(var object)? = container[probe] {
                setIfAbsent(&object, "timeoutSeconds", .int(1))
                setIfAbsent(&object, "periodSeconds", .int(10))
                setIfAbsent(&object, "successThreshold", .int(1))
                setIfAbsent(&object, "failureThreshold", .int(3))
                if let get = object["httpGet"] { object["httpGet"] = defaultHTTPGet(get) }
                container[probe] = .object(object)
            }
        }
        if case .object(var lifecycle)? = container["lifecycle"] {
            for handler in ["postStart", "preStop"] {
                if case .object(var object)? = lifecycle[handler], let get = object["httpGet"] {
                    object["httpGet"] = defaultHTTPGet(get)
                    lifecycle[handler] = .object(object)
                }
            }
            container["lifecycle"] = .object(lifecycle)
        }
        return .object(container)
    }

    private static func defaultHTTPGet(_ value: JSONValue) -> JSONValue {
        guard case .object(var object) = value else { return value }
        setIfAbsent(&object, "path", "/")
        setIfAbsent(&object, "scheme", "HTTP")
        return .object(object)
    }

    private static func defaultFieldRef(_ value: JSONValue) -> JSONValue {
        guard case .object(var object) = value else { return value }
        setIfAbsent(&object, "apiVersion", "v1")
        return .object(object)
    }

    private static func defaultItems(_ object: inout JSONObject) {
        if case .array(let items)? = object["items"] {
            object["items"] = .array(items.map { item in
                guard case .object(var entry) = item else { return item }
                if let fieldRef = entry["fieldRef"] { entry["fieldRef"] = defaultFieldRef(fieldRef) }
                return .object(entry)
            })
        }
    }

    private static func defaultVolume(_ value: JSONValue) -> JSONValue {
        guard case .object(var volume) = value else { return value }
        // SetDefaults_Volume: a volume with no source is an emptyDir.
        if volume.keys.allSatisfy({ $0 == "name" }) { volume["emptyDir"] = .emptyObject }
        func update(_ key: String, _ body: (inout JSONObject) -> Void) {
            guard case .object(var source)? = volume[key] else { return }
            body(&source)
            volume[key] = .object(source)
        }
        update("hostPath") { if $0["type"] == nil { $0["type"] = "" } }
        update("secret") { setIfAbsent(&$0, "defaultMode", .int(420)) }
        update("configMap") { setIfAbsent(&$0, "defaultMode", .int(420)) }
        update("iscsi") { setIfAbsent(&$0, "iscsiInterface", "default") }
        update("rbd") { source in
            setIfAbsent(&source, "pool", "rbd")
            setIfAbsent(&source, "user", "admin")
            setIfAbsent(&source, "keyring", "/etc/ceph/keyring")
        }
        update("downwardAPI") { source in
            setIfAbsent(&source, "defaultMode", .int(420))
            defaultItems(&source)
        }
        update("azureDisk") { source in
            setIfAbsent(&source, "cachingMode", "ReadWrite")
            setIfAbsent(&source, "fsType", "ext4")
            if source["readOnly"] == nil { source["readOnly"] = false }
            setIfAbsent(&source, "kind", "Shared")
        }
        update("scaleIO") { source in
            setIfAbsent(&source, "storageMode", "ThinProvisioned")
            setIfAbsent(&source, "fsType", "xfs")
        }
        update("projected") { source in
            setIfAbsent(&source, "defaultMode", .int(420))
            if case .array(let sources)? = source["sources"] {
                source["sources"] = .array(sources.map { entry in
                    guard case .object(var projection) = entry else { return entry }
                    if case .object(var downward)? = projection["downwardAPI"] {
                        defaultItems(&downward)
                        projection["downwardAPI"] = .object(downward)
                    }
                    if case .object(var token)? = projection["serviceAccountToken"] {
                        setIfAbsent(&token, "expirationSeconds", .int(3600))
                        projection["serviceAccountToken"] = .object(token)
                    }
                    return .object(projection)
                })
            }
        }
        return .object(volume)
    }
}
