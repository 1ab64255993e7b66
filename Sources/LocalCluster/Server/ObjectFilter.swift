import KubeJSON
import KubeModel

/// The label and field selectors of a list or watch, compiled once and matched against objects.
struct ObjectFilter: Sendable {
    let labels: Selector
    let fields: FieldSelector

    /// Compiles the selectors of `options` for `resource`.
    /// - Throws: 400 for a selector that does not parse or a field the resource cannot be selected by.
    init(options: ListQueryOptions, resource: APIResource) throws(APIStatus) {
        do {
            self.labels = options.labelSelector.isEmpty ? .everything : try Selector(parsing: options.labelSelector)
        } catch {
            throw APIStatus.badRequest("unable to parse requirement: \(error.message)")
        }
        do {
            self.fields = options.fieldSelector.isEmpty ? .everything : try FieldSelector(parsing: options.fieldSelector)
        } catch {
            throw APIStatus.badRequest("invalid field selector: \(error)")
        }
        let supported = Self.selectableFields(of: resource)
        for requirement in self.fields.requirements where !supported.contains(requirement.field) {
            throw APIStatus.fieldLabelNotSupported(requirement.field)
        }
    }

    var isEverything: Bool { self.labels.isEmpty && self.fields.isEmpty }

    func matches(_ object: JSONValue) -> Bool {
        if !self.labels.isEmpty {
            var labels: [String: String] = [:]
            if case .object(let map)? = object["metadata"]?["labels"] {
                for member in map {
                    if case .string(let value) = member.value { labels[member.key] = value }
                }
            }
            guard self.labels.matches(labels) else { return false }
        }
        if !self.fields.isEmpty {
            return self.fields.matches { path in Self.fieldValue(path, in: object) }
        }
        return true
    }

    /// The text of the field at a dotted path, as kube's field sets render it (`true`/`false` for booleans).
    static func fieldValue(_ path: String, in object: JSONValue) -> String? {
        switch path {
        case "source": return Self.fieldValue("source.component", in: object)
        case "spec.unschedulable", "spec.hostNetwork": return Self.boolField(path, in: object)
        default: break
        }
        switch object.value(atFieldPath: path) {
        case .string(let text)?: return text
        case .bool(let flag)?: return flag ? "true" : "false"
        case .int(let number)?: return String(number)
        default: return nil
        }
    }

    /// A boolean field, `false` when absent, as kube's field sets render Go's zero value.
    private static func boolField(_ path: String, in object: JSONValue) -> String {
        object.value(atFieldPath: path) == .bool(true) ? "true" : "false"
    }

    /// The fields each resource can be selected by, as kube-apiserver registers them.
    static func selectableFields(of resource: APIResource) -> Set<String> {
        var fields: Set<String> = ["metadata.name"]
        if resource.namespaced { fields.insert("metadata.namespace") }
        guard resource.group.isEmpty else { return fields }
        switch resource.plural {
        case "pods":
            fields.formUnion([
                "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName",
            ])
        case "nodes":
            fields.insert("spec.unschedulable")
        case "events":
            fields.formUnion([
                "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
                "reportingComponent", "source", "type",
            ])
        case "secrets":
            fields.insert("type")
        case "namespaces":
            fields.insert("status.phase")
        default:
            break
        }
        return fields
    }
}
