import KubeJSON
import KubeModel

extension APIServer {
    /// `/openapi/v2` and `/openapi/v3` documents.
    func openAPI(_ path: RequestPath, registry: ResourceRegistry) -> APIResponse {
        .status(.pathNotFound())
    }

    /// A `meta.k8s.io/v1 Table` answer when the client asked for one (`kubectl get`); `nil` otherwise.
    func tableResponse(_ result: ListResult, target: ResourceRequest, request: APIRequest) -> APIResponse? {
        nil
    }
}
