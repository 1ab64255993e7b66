/// Whether a GET or LIST asked for a `Table`, from its `Accept` header.
///
/// kubectl's human output sends
/// `application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json`;
/// `-o json|yaml|name` send plain `application/json`. Media ranges are tried by decreasing `q`, in header
/// order among equals; the first JSON range that is a Table of a served version wins, and the first JSON range
/// without `as` means the plain object. Nothing acceptable (a Table of an unknown version alone, protobuf
/// alone) falls back to the plain object too: kube-apiserver would answer 406, which kubectl treats as fatal.
public enum TableNegotiation: Sendable, Hashable {
    /// The object or list itself.
    case object
    /// A `Table` of `meta.k8s.io` at `version`.
    case table(version: TableVersion)

    /// The `Content-Type` of either answer: kube-apiserver labels Tables with its JSON serializer's media type.
    public static let contentType = "application/json"

    /// Negotiates from an `Accept` header (`nil` or empty means the plain object).
    public static func negotiate(accept: String?) -> TableNegotiation {
        guard let accept, !accept.isEmpty else { return .object }
        let ranges = MediaRange.parseList(accept).enumerated().sorted { lhs, rhs in
            lhs.element.quality != rhs.element.quality ? lhs.element.quality > rhs.element.quality : lhs.offset < rhs.offset
        }
        for (_, range) in ranges where range.quality > 0 && range.matchesJSON {
            guard let form = range.parameters["as"] else { return .object }
            guard form == "Table", range.parameters["g"] == "meta.k8s.io",
                let version = range.parameters["v"].flatMap(TableVersion.init(rawValue:))
            else { continue }
            return .table(version: version)
        }
        return .object
    }

    /// `true` when a Table was asked for.
    public var isTable: Bool {
        if case .table = self { return true }
        return false
    }
}

/// A served version of `meta.k8s.io` `Table`.
public enum TableVersion: String, Sendable, Hashable, CaseIterable {
    case v1
    case v1beta1

    /// `meta.k8s.io/v1` or `meta.k8s.io/v1beta1`.
    public var apiVersion: String { "meta.k8s.io/\(self.rawValue)" }
}
