import KubeJSON
import KubeModel

/// What kube-apiserver's registry strategies do to an object before it is stored: server-owned metadata,
/// generated names, the spec/status split of the status subresource, and per-kind defaults. Pure functions
/// of the request, the body and the stored object.
enum ObjectLifecycle {
    /// The object to store for a create.
    static func prepareForCreate(
        _ body: JSONValue,
        request: ResourceRequest,
        now: KubeTime
    ) throws(APIStatus) -> JSONValue {
        var object = try Self.checkedObject(body, request: request)
        var metadata = ObjectMeta(object: object["metadata"]?.objectValue ?? JSONObject())
        try Self.placeInNamespace(&metadata, request: request)
        if (metadata.name ?? "").isEmpty {
            guard let prefix = metadata.generateName, !prefix.isEmpty else {
                throw APIStatus.invalid(
                    request.resource,
                    name: "",
                    errors: [FieldError(field: "metadata.name", message: "Required value: name or generateName is required")]
                )
            }
            metadata.name = prefix + RandomIdentifiers.nameSuffix()
        }
        let name = metadata.name ?? ""
        let nameErrors = ObjectNameValidation.validate(name: name, forNamespaces: Self.isNamespace(request))
            + Self.labelAndAnnotationErrors(metadata)
        if !nameErrors.isEmpty { throw APIStatus.invalid(request.resource, name: name, errors: nameErrors) }
        metadata.uid = RandomIdentifiers.uuid()
        metadata.creationTimestamp = now
        metadata.generation = Self.tracksGeneration(request.resource) ? 1 : nil
        for serverOwned in ["resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"] {
            metadata.object[serverOwned] = nil
        }
        object["metadata"] = .object(metadata.object)
        if request.resource.hasStatusSubresource(version: request.version) {
            object["status"] = nil
        }
        Self.applyKindDefaults(&object, request: request)
        return .object(object)
    }

    /// The object to store for an update of `existing` (PUT, or the result of a PATCH), on the main resource or
    /// on the `status` subresource.
    static func prepareForUpdate(
        _ body: JSONValue,
        existing: JSONValue,
        request: ResourceRequest
    ) throws(APIStatus) -> JSONValue {
        var object = try Self.checkedObject(body, request: request)
        guard case .object(let old) = existing else { return .object(object) }
        let oldMetadata = ObjectMeta(object: old["metadata"]?.objectValue ?? JSONObject())
        var metadata = ObjectMeta(object: object["metadata"]?.objectValue ?? JSONObject())
        try Self.placeInNamespace(&metadata, request: request)
        if let bodyName = metadata.name, !bodyName.isEmpty, bodyName != request.name {
            throw APIStatus.badRequest(
                "the name of the object (\(bodyName)) does not match the name on the URL (\(request.name ?? ""))"
            )
        }
        metadata.name = request.name
        let metadataErrors = Self.labelAndAnnotationErrors(metadata, unchangedFrom: oldMetadata)
        if !metadataErrors.isEmpty {
            throw APIStatus.invalid(request.resource, name: request.name ?? "", errors: metadataErrors)
        }
        for immutable in ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"] {
            metadata.object[immutable] = oldMetadata.object[immutable]
        }
        if oldMetadata.isBeingDeleted {
            let added = metadata.finalizers.filter { !oldMetadata.finalizers.contains($0) }
            if !added.isEmpty {
                throw APIStatus.invalid(
                    request.resource,
                    name: request.name ?? "",
                    errors: [
                        FieldError(
                            field: "metadata.finalizers",
                            message: "Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\(added.map { "\"\($0)\"" }.joined(separator: ", "))}"
                        )
                    ]
                )
            }
        }
        if Self.isNamespace(request) {
            var labels = metadata.labels
            labels["kubernetes.io/metadata.name"] = request.name
            metadata.labels = labels
        }
        object["metadata"] = .object(metadata.object)

        let hasStatus = request.resource.hasStatusSubresource(version: request.version)
        if request.subresource?.name == "status" {
            // A status write changes status alone; on pods it may change metadata too, all but the owner
            // references (kube-apiserver's podStatusStrategy keeps only the spec and ownerReferences), which
            // lets a controller move a label and a condition in one write.
            var updated = old
            updated["status"] = object["status"]
            if request.resource.isPods {
                metadata.object["ownerReferences"] = oldMetadata.object["ownerReferences"]
                updated["metadata"] = .object(metadata.object)
            }
            object = updated
        } else if hasStatus {
            object["status"] = old["status"]
        }
        Self.normalize(&object, request: request)
        if Self.tracksGeneration(request.resource),
            Self.specView(of: object, hasStatus: hasStatus) != Self.specView(of: old, hasStatus: hasStatus)
        {
            var bumped = ObjectMeta(object: object["metadata"]?.objectValue ?? JSONObject())
            bumped.generation = (oldMetadata.generation ?? 0) + 1
            object["metadata"] = .object(bumped.object)
        }
        return .object(object)
    }

    /// The body as an object whose `apiVersion` and `kind` are those of the request (filled in when missing).
    static func checkedObject(_ body: JSONValue, request: ResourceRequest) throws(APIStatus) -> JSONObject {
        guard case .object(var object) = body else {
            throw APIStatus.badRequest("the body of the request was in an unknown format - accepted media types include: application/json, application/yaml")
        }
        let expected = request.groupVersionKind
        switch object["apiVersion"] {
        case nil, .null?, .string("")?:
            object["apiVersion"] = .string(expected.apiVersion)
        case .string(let apiVersion)? where apiVersion == expected.apiVersion:
            break
        case .string(let apiVersion)?:
            throw APIStatus.badRequest(
                "the API version in the data (\(apiVersion)) does not match the expected API version (\(expected.apiVersion))"
            )
        default:
            throw APIStatus.badRequest("apiVersion: expected a string")
        }
        switch object["kind"] {
        case nil, .null?, .string("")?:
            object["kind"] = .string(expected.kind)
        case .string(let kind)? where kind == expected.kind:
            break
        case .string(let kind)?:
            throw APIStatus.badRequest("the kind in the data (\(kind)) does not match the expected kind (\(expected.kind))")
        default:
            throw APIStatus.badRequest("kind: expected a string")
        }
        if let metadata = object["metadata"], !metadata.isNull, metadata.objectValue == nil {
            throw APIStatus.badRequest("metadata: expected an object, got \(metadata.typeName)")
        }
        if case .object(var metadata)? = object["metadata"], Self.normalizeStringMaps(&metadata) {
            object["metadata"] = .object(metadata)
        }
        return object
    }

    /// `labels` and `annotations` as decoding them into Go's `map[string]string` leaves them: a `null` map is
    /// no map, a `null` value is the empty string. `true` when something changed.
    private static func normalizeStringMaps(_ metadata: inout JSONObject) -> Bool {
        var changed = false
        for name in ["labels", "annotations"] {
            switch metadata[name] {
            case .null?:
                metadata[name] = nil
                changed = true
            case .object(var map)? where map.hasNullValue:
                for index in map.members.indices where map.members[index].value.isNull {
                    map.updateValue(atIndex: index) { $0 = "" }
                }
                metadata[name] = .object(map)
                changed = true
            default:
                break
            }
        }
        return changed
    }

    /// kube's `ValidateObjectMeta` checks of labels and annotations: label keys are qualified names and values
    /// label values, annotation keys qualified names (checked lower-cased) and all annotations together at most
    /// 256 KiB.
    ///
    /// - Parameter old: the stored metadata of an update: labels or annotations still held in its storage (a
    ///   status write, or a patch of other fields) were checked when they were written and are not checked again.
    static func labelAndAnnotationErrors(_ metadata: ObjectMeta, unchangedFrom old: ObjectMeta? = nil) -> [FieldError] {
        var errors: [FieldError] = []
        let invalid = { (field: String, value: String, message: String) in
            FieldError(field: field, message: "Invalid value: \(GoQuote.quote(value)): \(message)")
        }
        func isUnchanged(_ field: String, _ value: JSONObject) -> Bool {
            guard case .object(let stored)? = old?.object[field] else { return false }
            return value.isKnownIdentical(to: stored)
        }
        if case .object(let labels)? = metadata.object["labels"], !isUnchanged("labels", labels) {
            for label in labels {
                errors += Selector.validateLabelKey(label.key).map { invalid("metadata.labels", label.key, $0) }
                if case .string(let value) = label.value {
                    errors += Selector.validateLabelValue(value).map { invalid("metadata.labels", value, $0) }
                }
            }
        }
        if case .object(let annotations)? = metadata.object["annotations"], !isUnchanged("annotations", annotations) {
            var totalSize = 0
            for annotation in annotations {
                // kube checks the lower-cased key; only ASCII letters can change the outcome.
                let hasUpperCase = annotation.key.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
                errors += Selector.validateLabelKey(hasUpperCase ? annotation.key.lowercased() : annotation.key).map {
                    invalid("metadata.annotations", annotation.key, $0)
                }
                totalSize += annotation.key.utf8.count + (annotation.value.stringValue?.utf8.count ?? 0)
            }
            if totalSize > Self.totalAnnotationSizeLimit {
                errors.append(
                    FieldError(field: "metadata.annotations", message: "Too long: may not be more than \(Self.totalAnnotationSizeLimit) bytes")
                )
            }
        }
        return errors
    }

    /// kube's `TotalAnnotationSizeLimitB`.
    static let totalAnnotationSizeLimit = 256 * 1024

    private static func placeInNamespace(_ metadata: inout ObjectMeta, request: ResourceRequest) throws(APIStatus) {
        if request.resource.namespaced {
            let bodyNamespace = metadata.namespace ?? ""
            let urlNamespace = request.namespace ?? ""
            if !bodyNamespace.isEmpty && !urlNamespace.isEmpty && bodyNamespace != urlNamespace {
                throw APIStatus.namespaceMismatch()
            }
            let namespace = urlNamespace.isEmpty ? bodyNamespace : urlNamespace
            if namespace.isEmpty { throw APIStatus.badRequest("the namespace of the object is missing") }
            // Setting a stored object's own namespace again would decode its packed metadata for nothing.
            if bodyNamespace != namespace { metadata.namespace = namespace }
        } else if metadata.namespace != nil {
            metadata.namespace = nil
        }
    }

    /// Whether kube's strategy for the resource keeps `metadata.generation`: everything outside the core
    /// group (workloads, CRDs, custom resources, webhook configurations, ...); core kinds such as ConfigMaps,
    /// Secrets, Services and Namespaces have none.
    static func tracksGeneration(_ resource: APIResource) -> Bool {
        !resource.group.isEmpty
    }

    /// Defaulting and folding that apply to every write of a kind, as kube's decoding defaults do.
    static func normalize(_ object: inout JSONObject, request: ResourceRequest) {
        switch (request.resource.group, request.resource.plural) {
        case ("", "secrets"):
            var secret = Secret(object: object)
            let stringData = secret.stringData
            if !stringData.isEmpty {
                var data = secret.data
                for (key, value) in stringData { data[key] = Base64.encode(Array(value.utf8)) }
                secret.data = data
                secret.stringData = [:]
            }
            if secret.type == nil { secret.type = "Opaque" }
            object = secret.object
        case ("apps", "deployments"), ("apps", "replicasets"), ("apps", "statefulsets"):
            guard case .object(var spec)? = object["spec"] else { return }
            if spec["replicas"] == nil { spec["replicas"] = 1 }
            if request.resource.plural != "replicasets", spec["revisionHistoryLimit"] == nil {
                spec["revisionHistoryLimit"] = 10
            }
            if request.resource.plural == "deployments", spec["progressDeadlineSeconds"] == nil {
                spec["progressDeadlineSeconds"] = 600
            }
            object["spec"] = .object(spec)
        default:
            break
        }
    }

    private static func isNamespace(_ request: ResourceRequest) -> Bool {
        request.resource.isNamespaces
    }

    /// Everything that counts as the object's desired state: all but metadata (and status, when it has its
    /// own subresource). A change here bumps `metadata.generation`.
    private static func specView(of object: JSONObject, hasStatus: Bool) -> JSONObject {
        var view = object
        view["metadata"] = nil
        view["apiVersion"] = nil
        view["kind"] = nil
        if hasStatus { view["status"] = nil }
        return view
    }

    /// Defaults kube's strategies set on create for the built-in kinds that need them.
    private static func applyKindDefaults(_ object: inout JSONObject, request: ResourceRequest) {
        Self.normalize(&object, request: request)
        guard request.resource.group.isEmpty else { return }
        switch request.resource.plural {
        case "namespaces":
            var metadata = ObjectMeta(object: object["metadata"]?.objectValue ?? JSONObject())
            var labels = metadata.labels
            labels["kubernetes.io/metadata.name"] = metadata.name
            metadata.labels = labels
            object["metadata"] = .object(metadata.object)
            object["spec"] = ["finalizers": ["kubernetes"]]
            object["status"] = ["phase": "Active"]
        case "pods":
            let pod = Pod(object: object)
            object["status"] = ["phase": "Pending", "qosClass": .string(Self.qosClass(of: pod))]
        default:
            break
        }
    }

    /// The pod's QoS class by the rules of kube's `GetPodQOS` for cpu and memory.
    static func qosClass(of pod: Pod) -> String {
        var anyResources = false
        var guaranteed = true
        for container in pod.spec.containers + pod.spec.initContainers {
            let requests = container.resources.requests
            let limits = container.resources.limits
            for resource in ["cpu", "memory"] {
                let request = requests[resource]
                let limit = limits[resource]
                if request != nil || limit != nil { anyResources = true }
                guard let limit else {
                    guaranteed = false
                    continue
                }
                if let request, request != limit { guaranteed = false }
            }
        }
        if !anyResources { return "BestEffort" }
        return guaranteed ? "Guaranteed" : "Burstable"
    }
}

extension APIResource {
    /// `true` for core/v1 namespaces, whose lifecycle (contents deleted first) the server runs itself.
    var isNamespaces: Bool { self.group.isEmpty && self.plural == "namespaces" }

    /// `true` for core/v1 pods, whose status subresource also writes metadata.
    var isPods: Bool { self.group.isEmpty && self.plural == "pods" }

    /// `true` for CustomResourceDefinitions, whose writes change what the server serves.
    var isCustomResourceDefinitions: Bool {
        self.group == "apiextensions.k8s.io" && self.plural == "customresourcedefinitions"
    }

    /// Whether `version` of this resource has the `status` subresource.
    func hasStatusSubresource(version: String) -> Bool {
        self.version(named: version)?.subresources.contains { $0.name == "status" } ?? false
    }
}
