/// Which body answers `GET /api` or `GET /apis`: the legacy `APIVersions`/`APIGroupList`, or the aggregated
/// `APIGroupDiscoveryList` in the `apidiscovery.k8s.io` version the client asked for.
public enum DiscoveryFormat: Sendable, Hashable, CaseIterable {
    /// `APIVersions` (`/api`) or `APIGroupList` (`/apis`), as `application/json`.
    case legacy
    /// `apidiscovery.k8s.io/v2` `APIGroupDiscoveryList` (kubectl 1.30+).
    case aggregatedV2
    /// `apidiscovery.k8s.io/v2beta1` `APIGroupDiscoveryList` (kubectl 1.26–1.29).
    case aggregatedV2Beta1

    /// The exact `Content-Type` of the response; clients pick the decoder from it.
    public var contentType: String {
        switch self {
        case .legacy: "application/json"
        case .aggregatedV2: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"
        case .aggregatedV2Beta1: "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList"
        }
    }

    /// The `apiVersion` of an aggregated body; `nil` for ``legacy``.
    public var aggregatedAPIVersion: String? {
        switch self {
        case .legacy: nil
        case .aggregatedV2: "apidiscovery.k8s.io/v2"
        case .aggregatedV2Beta1: "apidiscovery.k8s.io/v2beta1"
        }
    }

    /// Chooses the format for an `Accept` header: the first acceptable media range, by descending `q` and
    /// then in the client's order. Aggregated discovery is chosen only for `application/json` ranges naming
    /// `g=apidiscovery.k8s.io`, `as=APIGroupDiscoveryList` and exactly `v=v2` or `v=v2beta1`; plain
    /// `application/json`, `application/*` or `*/*` chooses ``legacy``. Anything else (protobuf, `as=Table`,
    /// unknown versions) is skipped, and when nothing matches the answer is ``legacy``: discovery is never
    /// answered with 406, which kubectl treats as fatal.
    public static func negotiate(accept: String?) -> DiscoveryFormat {
        guard let accept, !accept.isEmpty else { return .legacy }
        let ranges = MediaRange.parseList(accept)
        let ordered = ranges.enumerated()
            .filter { $0.element.quality > 0 }
            .sorted { lhs, rhs in
                lhs.element.quality != rhs.element.quality ? lhs.element.quality > rhs.element.quality : lhs.offset < rhs.offset
            }
            .map(\.element)
        for range in ordered {
            guard range.matchesJSON else { continue }
            let `as` = range.parameters["as"]
            if `as` == nil && range.parameters["g"] == nil && range.parameters["v"] == nil { return .legacy }
            guard `as` == "APIGroupDiscoveryList", range.parameters["g"] == "apidiscovery.k8s.io" else { continue }
            switch range.parameters["v"] {
            case "v2": return .aggregatedV2
            case "v2beta1": return .aggregatedV2Beta1
            default: continue
            }
        }
        return .legacy
    }
}
