import KubeJSON
import Synchronization
import KubeModel

extension APIServer {
    /// `/openapi/v3` and its group-version documents (`/openapi/v2` is not served: kubectl 1.32 does not
    /// need it). The documents are rebuilt only when the registry changes.
    func openAPI(_ request: APIRequest, registry: ResourceRegistry) -> APIResponse {
        let documents = self.openAPICache.withLock { cache in
            if let cached = cache, cached.registry == registry { return cached.documents }
            let built = OpenAPIDocuments(registry: registry)
            cache = (registry, built)
            return built
        }
        guard
            let answer = documents.response(
                path: request.path,
                hash: request.query.value("hash"),
                ifNoneMatch: request.header("If-None-Match")
            )
        else { return .status(.pathNotFound()) }
        var headers = answer.headers
        if answer.status == 200 && !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            headers.append(("Content-Type", "application/json"))
        }
        return APIResponse(status: answer.status, headers: headers, body: .bytes(answer.body))
    }

    /// A `meta.k8s.io` Table of a list when the client asked for one (`kubectl get`); `nil` otherwise.
    func tableResponse(_ result: ListResult, target: ResourceRequest, request: APIRequest) -> APIResponse? {
        guard case .table(let tableVersion) = TableNegotiation.negotiate(accept: request.header("Accept")) else {
            return nil
        }
        let converter = TableConverter(resource: target.resource, version: target.version)
        let table = converter.table(
            objects: result.items.map { self.presented($0.value, for: target) },
            now: KubeTime.now(),
            resourceVersion: String(result.resourceVersion),
            continueToken: result.continueToken,
            remainingItemCount: result.continueToken == nil ? nil : result.remainingItemCount.map { Int64($0) },
            includeObject: IncludeObjectPolicy(queryValue: request.query.value("includeObject")) ?? .metadata,
            tableVersion: tableVersion
        )
        return .json(table, contentType: TableNegotiation.contentType)
    }

    /// A Table of one object (`kubectl get deploy web`), when asked for.
    func tableResponse(_ stored: StoredObject, target: ResourceRequest, request: APIRequest) -> APIResponse? {
        self.tableResponse(
            ListResult(items: [stored], resourceVersion: stored.resourceVersion, continueToken: nil, remainingItemCount: nil),
            target: target,
            request: request
        )
    }
}
