import KubeJSON

extension JSONValue {
    /// The member at a dotted field path (`spec.nodeName`) or simple JSONPath (`.spec.replicas`); `nil` when
    /// any step is missing or not an object.
    func value(atFieldPath path: String) -> JSONValue? {
        var current: JSONValue? = self
        for component in path.split(separator: ".") { current = current?[String(component)] }
        return current
    }
}
