public import KubeJSON

/// A negotiated discovery answer: the body and the exact `Content-Type` to send it with.
public struct DiscoveryResponse: Sendable, Hashable {
    public var body: JSONValue
    /// `application/json`, or `application/json;g=apidiscovery.k8s.io;v=<v2|v2beta1>;as=APIGroupDiscoveryList`.
    public var contentType: String

    public init(body: JSONValue, contentType: String) {
        self.body = body
        self.contentType = contentType
    }
}
