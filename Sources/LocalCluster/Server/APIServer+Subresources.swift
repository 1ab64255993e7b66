import KubeJSON
import KubeModel

extension APIServer {
    /// POST to an object's subresource: `pods/binding` (the scheduler binds a pod to a node) and
    /// `pods/eviction` (a disruption-aware delete).
    func createSubresource(
        _ subresource: APISubresource,
        _ target: ResourceRequest,
        request: APIRequest
    ) async throws(APIStatus) -> APIResponse {
        let body = try RequestBody.decode(request)
        switch (target.resource.group, target.resource.plural, subresource.name) {
        case ("", "pods", "binding"):
            guard let node = body["target"]?["name"]?.stringValue, !node.isEmpty else {
                throw APIStatus.invalid(
                    group: "",
                    kind: "Binding",
                    name: target.name ?? "",
                    errors: [FieldError(field: "target.name", message: "Required value")]
                )
            }
            // One atomic write of spec.nodeName and the PodScheduled condition: binding is the one write that
            // changes both the spec and the status of a pod.
            var podTarget = target
            podTarget.subresource = nil
            do {
                _ = try await self.store.guaranteedUpdate(self.key(for: podTarget)) { current in
                    if let assigned = current.value["spec"]?["nodeName"]?.stringValue, !assigned.isEmpty {
                        throw APIStatus.conflict(
                            target.resource,
                            name: target.name ?? "",
                            reason: "pod \(target.name ?? "") is already assigned to node \"\(assigned)\""
                        )
                    }
                    var pod = Pod(object: current.value.objectValue ?? JSONObject())
                    pod.spec.nodeName = node
                    var conditions = pod.status.conditions
                    var scheduled = Condition(type: "PodScheduled", status: "True")
                    scheduled.lastTransitionTime = KubeTime.now()
                    conditions.set(scheduled)
                    pod.status.conditions = conditions
                    return pod.json
                }
            } catch let status as APIStatus {
                throw status
            } catch let error as StoreError {
                throw self.status(for: error, podTarget)
            } catch {
                throw APIStatus.internalError(String(describing: error))
            }
            return .json(["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "code": 201], status: 201)
        case ("", "pods", "eviction"):
            var podTarget = target
            podTarget.subresource = nil
            let deletion = APIRequest(
                method: "DELETE",
                path: request.path,
                query: request.query,
                body: body["deleteOptions"].map { $0.serialized() } ?? []
            )
            _ = try await self.delete(podTarget, request: deletion)
            return .json(["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "code": 201], status: 201)
        default:
            throw APIStatus.methodNotSupported(
                group: target.resource.group,
                resource: "\(target.resource.plural)/\(subresource.name)",
                verb: "create"
            )
        }
    }

    /// PUT (or the result of a PATCH) of the `scale` subresource: sets the spec replicas path.
    func updateScale(
        _ target: ResourceRequest,
        scale: JSONValue,
        dryRun: Bool,
        manager: String
    ) async throws(APIStatus) -> APIResponse {
        var objectTarget = target
        objectTarget.subresource = nil
        let expected = try Self.resourceVersionPrecondition(of: scale)
        let response = try await self.writeObject(
            objectTarget,
            dryRun: dryRun,
            expectedVersion: expected,
            ownership: .update(manager: manager)
        ) {
            (current) throws(APIStatus) in
            try ScaleSubresource.applying(scale: scale, to: current, target: target)
        }
        guard let bytes = response.bodyBytes, let object = try? JSONValue(parsing: bytes) else { return response }
        return .json(try ScaleSubresource.scale(of: object, request: target))
    }
}
