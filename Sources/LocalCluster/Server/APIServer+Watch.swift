import KubeJSON
import KubeModel

extension APIServer {
    /// A watch: chunked newline-delimited JSON events until the client goes away, `timeoutSeconds` passes or
    /// the store ends the stream (a watcher too slow to keep up).
    func watch(_ target: ResourceRequest, request: APIRequest) throws(APIStatus) -> APIResponse {
        let options = try Self.listOptions(request)
        let filter = try ObjectFilter(options: options, resource: target.resource)
        let fromVersion = UInt64(options.resourceVersion)
        // kube sends the current objects first when no version (or "0") is given, unless the client opted out.
        let sendInitial = options.sendInitialEvents ?? (fromVersion == nil || fromVersion == 0)
        let events: ObjectStore.WatchStream
        do {
            events = try self.store.watch(
                group: target.resource.group,
                resource: target.resource.plural,
                namespace: target.namespace,
                fromResourceVersion: fromVersion == 0 ? nil : fromVersion,
                sendInitialEvents: sendInitial,
                allowBookmarks: options.allowWatchBookmarks
            )
        } catch {
            if case .tooOldResourceVersion = error {
                // kube answers an expired version inside the watch: one ERROR event with the 410 Status.
                let status = self.status(for: error, target)
                let frame = Self.frame(type: "ERROR", object: status.json)
                return APIResponse(
                    status: 200,
                    headers: [("Content-Type", "application/json")],
                    body: .stream(AsyncThrowingStream { continuation in
                        continuation.yield(frame)
                        continuation.finish()
                    })
                )
            }
            throw self.status(for: error, target)
        }
        let sendsBookmarks = options.allowWatchBookmarks
        let timeout = options.timeoutSeconds.map { Duration.seconds(max(0, $0)) }
        let apiVersion = target.groupVersion.apiVersion
        let storageVersion = GroupVersion(group: target.resource.group, version: target.resource.storageVersion).apiVersion
        let emitInitialEnd = options.sendInitialEvents == true
        let kind = target.resource.kind
        // `kubectl get -w` asks for Tables: each event then carries a one-row Table, with the column
        // definitions in the first event only.
        var tableFormat: (converter: TableConverter, version: TableVersion, include: IncludeObjectPolicy)? = nil
        if case .table(let version) = TableNegotiation.negotiate(accept: request.header("Accept")) {
            tableFormat = (
                TableConverter(resource: target.resource, version: target.version),
                version,
                IncludeObjectPolicy(queryValue: request.query.value("includeObject")) ?? .metadata
            )
        }
        let table = tableFormat
        let stream = AsyncThrowingStream<[UInt8], any Error> { continuation in
            let task = Task {
                var columnsSent = false
                do {
                    for try await event in events {
                        if let table, event.type != .bookmark, let object = event.object {
                            guard let type = Self.visibleType(of: event, through: filter) else { continue }
                            var value = object.value
                            value["apiVersion"] = .string(apiVersion)
                            let rows = table.converter.table(
                                objects: [value],
                                now: KubeTime.now(),
                                resourceVersion: String(event.resourceVersion),
                                includeObject: table.include,
                                includeColumnDefinitions: !columnsSent,
                                tableVersion: table.version
                            )
                            columnsSent = true
                            continuation.yield(Self.frame(type: type, object: rows))
                            continue
                        }
                        if let frame = Self.frame(
                            for: event,
                            filter: filter,
                            apiVersion: apiVersion,
                            storageVersion: storageVersion,
                            kind: kind,
                            sendsBookmarks: sendsBookmarks,
                            emitInitialEnd: emitInitialEnd
                        ) {
                            continuation.yield(frame)
                        }
                    }
                    continuation.finish()
                } catch {
                    let status = APIStatus.gone(String(describing: error))
                    continuation.yield(Self.frame(type: "ERROR", object: status.json))
                    continuation.finish()
                }
            }
            let timer = timeout.map { limit in
                Task {
                    try? await Task.sleep(for: limit)
                    continuation.finish()
                }
            }
            continuation.onTermination = { _ in
                task.cancel()
                timer?.cancel()
            }
        }
        return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: .stream(stream))
    }

    /// The bytes to send for one store event, or `nil` when the watcher does not see it.
    static func frame(
        for event: WatchEvent,
        filter: ObjectFilter,
        apiVersion: String,
        storageVersion: String,
        kind: String,
        sendsBookmarks: Bool,
        emitInitialEnd: Bool
    ) -> [UInt8]? {
        if event.type == .bookmark {
            if event.isInitialEventsEnd && !emitInitialEnd && !sendsBookmarks { return nil }
            if !event.isInitialEventsEnd && !sendsBookmarks { return nil }
            var metadata: JSONObject = ["resourceVersion": .string(String(event.resourceVersion))]
            if event.isInitialEventsEnd {
                metadata["annotations"] = ["k8s.io/initial-events-end": "true"]
            }
            return Self.frame(
                type: "BOOKMARK",
                object: ["kind": .string(kind), "apiVersion": .string(apiVersion), "metadata": .object(metadata)]
            )
        }
        guard let object = event.object, let type = Self.visibleType(of: event, through: filter) else { return nil }
        if apiVersion == storageVersion && type == event.type.rawValue { return event.frame }
        var converted = object.value
        converted["apiVersion"] = .string(apiVersion)
        return Self.frame(type: type, object: converted)
    }

    /// The event type a filtered watcher sees, or `nil` when it sees nothing: a modification that moves an
    /// object into the selection is an `ADDED`, out of it a `DELETED`, as kube's watch cache reports them.
    static func visibleType(of event: WatchEvent, through filter: ObjectFilter) -> String? {
        guard let object = event.object else { return nil }
        if filter.isEverything { return event.type.rawValue }
        let matchesNow = filter.matches(object.value)
        guard event.type == .modified, let previous = event.previous else {
            return matchesNow ? event.type.rawValue : nil
        }
        switch (filter.matches(previous.value), matchesNow) {
        case (true, true): return "MODIFIED"
        case (false, true): return "ADDED"
        case (true, false): return "DELETED"
        case (false, false): return nil
        }
    }

    /// One watch event line.
    static func frame(type: String, object: JSONValue) -> [UInt8] {
        let event: JSONValue = ["type": .string(type), "object": object]
        var bytes = event.serialized()
        bytes.append(0x0A)
        return bytes
    }
}
