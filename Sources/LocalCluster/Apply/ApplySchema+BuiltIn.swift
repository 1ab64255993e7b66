import KubeModel

extension ApplySchema {
    /// The schema of a built-in kind, from its compiled-in strategic merge schema: lists merged by a key are
    /// associative on that key, primitive lists merged as sets are sets, other lists are atomic. `nil` for kinds
    /// that are not built in.
    public static func builtIn(apiVersion: String, kind: String) -> ApplySchema? {
        Self.builtInByKind[apiVersion + "/" + kind]
    }

    /// ObjectMeta: owner references keyed by `uid`, finalizers a set.
    static let objectMeta: ApplySchema = ApplySchema.converted(
        StrategicMergeSchema.objectMeta,
        path: "metadata",
        overlay: BuiltInOverlay(atomic: [], present: ["metadata"])
    )

    private static let builtInByKind: [String: ApplySchema] = {
        var table: [String: ApplySchema] = [:]
        for (apiVersion, kind) in StrategicMergeSchema.builtInKinds {
            guard let schema = StrategicMergeSchema.builtIn(apiVersion: apiVersion, kind: kind) else { continue }
            let overlay = BuiltInOverlay.forKind(apiVersion: apiVersion, kind: kind)
            table[apiVersion + "/" + kind] = ApplySchema.converted(schema, path: "", overlay: overlay)
        }
        return table
    }()

    private static func converted(_ node: StrategicMergeSchema, path: String, overlay: BuiltInOverlay) -> ApplySchema {
        var names = Set(node.fields.keys)
        names.formUnion(overlay.childNames(below: path))
        var properties: [String: ApplySchema] = [:]
        for name in names {
            let childPath = path.isEmpty ? name : path + "." + name
            properties[name] = Self.converted(node[field: name], path: childPath, overlay: overlay)
        }
        let listType: ListType
        if node.strategy == .merge {
            listType = node.mergeKey.map { .map(keys: [$0]) } ?? .set
        } else {
            listType = .atomic
        }
        let items: ApplySchema? =
            listType == .atomic ? nil : ApplySchema(properties: properties, unlistedFieldsAreDeclared: true)
        return ApplySchema(
            listType: listType,
            isAtomicObject: overlay.atomic.contains(path),
            alwaysPresent: overlay.present.contains(path),
            properties: properties,
            items: items,
            unlistedFieldsAreDeclared: true
        )
    }
}

/// What the strategic merge schemas do not say about built-in kinds: objects that are atomic
/// (`+structType=atomic` label selectors, `+mapType=atomic` selectors) and the fields a Go object always has
/// (non-pointer structs, `containers` without `omitempty`), by dotted path from the root of the object.
struct BuiltInOverlay {
    var atomic: Set<String>
    var present: Set<String>

    /// The names of the fields one level below `path` that some overlay path goes through.
    func childNames(below path: String) -> Set<String> {
        let prefix = path.isEmpty ? "" : path + "."
        var names: Set<String> = []
        for candidate in self.atomic.union(self.present) where candidate.hasPrefix(prefix) && candidate != path {
            let rest = candidate.dropFirst(prefix.count)
            if let name = rest.split(separator: ".").first { names.insert(String(name)) }
        }
        return names
    }

    static func forKind(apiVersion: String, kind: String) -> BuiltInOverlay {
        var overlay = BuiltInOverlay(atomic: [], present: ["metadata", "spec", "status"])
        func podTemplate(at path: String) {
            overlay.present.formUnion([path, path + ".metadata", path + ".spec", path + ".spec.containers"])
            overlay.atomic.insert(path + ".spec.nodeSelector")
        }
        switch (apiVersion, kind) {
        case ("apps/v1", "Deployment"):
            overlay.atomic.insert("spec.selector")
            overlay.present.insert("spec.strategy")
            podTemplate(at: "spec.template")
        case ("apps/v1", "StatefulSet"), ("apps/v1", "DaemonSet"):
            overlay.atomic.insert("spec.selector")
            overlay.present.insert("spec.updateStrategy")
            podTemplate(at: "spec.template")
        case ("apps/v1", "ReplicaSet"), ("batch/v1", "Job"):
            overlay.atomic.insert("spec.selector")
            podTemplate(at: "spec.template")
        case ("v1", "PodTemplate"):
            podTemplate(at: "template")
        case ("v1", "Pod"):
            overlay.atomic.insert("spec.nodeSelector")
            overlay.present.insert("spec.containers")
        case ("v1", "Service"):
            overlay.atomic.insert("spec.selector")
        default:
            break
        }
        return overlay
    }
}
