/// A webhook: a pure function from the request to the verdict. Handlers do no I/O of their own; those that
/// need cluster state read it from informer caches captured when they are built.
public typealias AdmissionHandler = @Sendable (AdmissionRequest) -> AdmissionResponse

/// Decodes AdmissionReviews, dispatches them by URL path, and encodes the answers.
public struct AdmissionDispatcher: Sendable {
    private let handlers: [String: AdmissionHandler]

    public init(handlers: [String: AdmissionHandler]) {
        self.handlers = handlers
    }

    /// The registered paths.
    public var paths: [String] { self.handlers.keys.sorted() }

    /// The HTTP status and body answering `body` posted to `path`.
    public func respond(path: String, body: [UInt8]) -> (status: Int, body: [UInt8]) {
        guard let handler = self.handlers[path] else {
            return (404, Array("no webhook at \(path)".utf8))
        }
        guard let review = try? JSONValue(parsing: body), case .object(let requestObject)? = review["request"] else {
            return (400, Array("the body is not an AdmissionReview with a request".utf8))
        }
        let request = AdmissionRequest(object: requestObject)
        let response = handler(request)
        let answer: JSONValue = [
            "apiVersion": .string(review["apiVersion"]?.stringValue ?? "admission.k8s.io/v1"),
            "kind": "AdmissionReview",
            "response": response.json(uid: request.uid),
        ]
        return (200, answer.serialized())
    }
}
import KubeJSON
