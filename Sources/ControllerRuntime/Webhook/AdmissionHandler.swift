/// A webhook: from the request to the verdict. Most handlers are pure and read cluster state from informer
/// caches captured when they are built; the few that must book a decision in the cluster first (the
/// WorkloadSpread pod webhook writes its subset bookkeeping with optimistic locking, as upstream) are async.
public typealias AdmissionHandler = @Sendable (AdmissionRequest) async -> AdmissionResponse

/// Decodes AdmissionReviews, dispatches them by URL path, and encodes the answers.
public struct AdmissionDispatcher: Sendable {
    private let handlers: [String: AdmissionHandler]

    public init(handlers: [String: AdmissionHandler]) {
        self.handlers = handlers
    }

    /// The registered paths.
    public var paths: [String] { self.handlers.keys.sorted() }

    /// The HTTP status and body answering `body` posted to `path`.
    public func respond(path: String, body: [UInt8]) async -> (status: Int, body: [UInt8]) {
        guard let handler = self.handlers[path] else {
            return (404, Array("no webhook at \(path)".utf8))
        }
        guard let review = try? JSONValue(parsing: body), case .object(let requestObject)? = review["request"] else {
            return (400, Array("the body is not an AdmissionReview with a request".utf8))
        }
        let request = AdmissionRequest(object: requestObject)
        let response = await handler(request)
        let answer: JSONValue = [
            "apiVersion": .string(review["apiVersion"]?.stringValue ?? "admission.k8s.io/v1"),
            "kind": "AdmissionReview",
            "response": response.json(uid: request.uid),
        ]
        return (200, answer.serialized())
    }
}
import KubeJSON
