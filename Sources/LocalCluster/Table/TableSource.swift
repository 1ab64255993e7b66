internal import KubeJSON
internal import KubeModel

/// An object being printed, with the lenient typed reads the printers need (absent or mistyped members read
/// as `nil`, empty or zero).
struct TableSource {
    let json: JSONValue
    /// The time ages are measured at.
    let now: KubeTime

    func value(_ path: String...) -> JSONValue? { self.value(path) }

    func string(_ path: String...) -> String? { self.value(path).flatMap(\.stringValue) }

    func int(_ path: String...) -> Int64? { self.value(path).flatMap(\.int64Value) }

    func bool(_ path: String...) -> Bool { self.value(path).flatMap(\.boolValue) ?? false }

    func array(_ path: String...) -> [JSONValue] { self.value(path).flatMap(\.arrayValue) ?? [] }

    func object(_ path: String...) -> JSONObject { self.value(path).flatMap(\.objectValue) ?? JSONObject() }

    func time(_ path: String...) -> KubeTime? { self.value(path).flatMap(Self.time(of:)) }

    private func value(_ path: [String]) -> JSONValue? {
        var value: JSONValue? = self.json
        for key in path { value = value?[key] }
        return value
    }

    var name: String { self.string("metadata", "name") ?? "" }

    var isBeingDeleted: Bool { self.value("metadata", "deletionTimestamp").map { !$0.isNull } ?? false }

    /// The age column: time since `metadata.creationTimestamp`.
    var age: String { HumanDuration.age(of: self.time("metadata", "creationTimestamp"), now: self.now) }

    /// Time since `time`, `<unknown>` without one.
    func since(_ time: KubeTime?) -> String { HumanDuration.age(of: time, now: self.now) }

    /// A string cell, `<none>` when empty.
    static func orNone(_ text: String?) -> JSONValue {
        guard let text, !text.isEmpty else { return "<none>" }
        return .string(text)
    }

    static func time(of value: JSONValue) -> KubeTime? {
        guard case .string(let text) = value, !text.isEmpty else { return nil }
        return try? KubeTime(parsing: text)
    }

    /// A condition's `status` in `conditions`, by `type`.
    static func conditionStatus(_ conditions: [JSONValue], type: String) -> String? {
        conditions.first { $0["type"]?.stringValue == type }?["status"]?.stringValue
    }

    /// `k=v,k2=v2` sorted by key, `<none>` when empty (Go's `labels.FormatLabels`).
    static func formatLabels(_ labels: JSONObject) -> String {
        let pairs = labels.members.compactMap { member in member.value.stringValue.map { (member.key, $0) } }
        guard !pairs.isEmpty else { return "<none>" }
        return pairs.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
    }

    /// A `LabelSelector` member as a selector string (`app=web,tier in (a,b)`); empty for none.
    static func formatSelector(_ value: JSONValue?) -> String {
        guard let value, !value.isNull else { return "<none>" }
        guard let selector = try? LabelSelector(json: value).asSelector() else { return "<invalid>" }
        return selector.description
    }

    /// The `CONTAINERS` and `IMAGES` wide cells of a pod template spec.
    static func containersAndImages(_ podSpec: JSONValue?) -> (JSONValue, JSONValue) {
        let containers = podSpec?["containers"]?.arrayValue ?? []
        let names = containers.map { $0["name"]?.stringValue ?? "" }.joined(separator: ",")
        let images = containers.map { $0["image"]?.stringValue ?? "" }.joined(separator: ",")
        return (.string(names), .string(images))
    }
}
