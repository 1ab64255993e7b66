public import KubeModel

extension KubeClient {
    /// Watches a resource from `options.resourceVersion`. The stream ends when the server closes the watch
    /// (its timeout) and throws when the connection fails; an ERROR event (410 Gone, say) ends it with
    /// that error. Cancelling the consuming task closes the connection.
    public func watch<T: KubeObject>(
        _ type: T.Type,
        namespace: String? = nil,
        options: ListOptions = ListOptions()
    ) async throws(KubeAPIError) -> AsyncThrowingStream<WatchEvent<T>, any Error> {
        let location = ResourceLocation(try self.descriptor(for: T.groupVersionKind), namespace: namespace)
        var query = options.queryItems
        query.append(("watch", "true"))
        let response = try await self.openStream(KubeRequest(method: "GET", path: location.path, query: query, verb: "WATCH"))
        let (stream, continuation) = AsyncThrowingStream<WatchEvent<T>, any Error>.makeStream(bufferingPolicy: .unbounded)
        let reader = Task {
            var splitter = LineSplitter()
            do {
                try await response.readBody { chunk in
                    for line in splitter.append(chunk) {
                        let event = try WatchEvent<T>.decode(line: line)
                        if event.type == .error, let error = event.error { throw WatchEnded(error: error) }
                        continuation.yield(event)
                    }
                }
                continuation.finish()
            } catch {
                // (No pattern catch: Swift 6.3 crashes compiling one in an async closure.)
                if let ended = error as? WatchEnded {
                    continuation.finish(throwing: ended.error)
                } else {
                    continuation.finish(throwing: error is KubeAPIError ? error : KubeAPIError.transport(error))
                }
            }
        }
        continuation.onTermination = { _ in reader.cancel() }
        return stream
    }
}

/// Splits a byte stream into newline-terminated lines (watch events are one JSON document per line).
struct LineSplitter {
    private var pending: [UInt8] = []

    /// Appends a chunk and returns the lines it completed (without their newline; empty lines skipped).
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
            if self.pending.isEmpty {
                if index > start { lines.append(Array(bytes[start..<index])) }
            } else {
                self.pending.append(contentsOf: bytes[start..<index])
                lines.append(self.pending)
                self.pending.removeAll(keepingCapacity: true)
            }
            start = index + 1
        }
        if start < bytes.count { self.pending.append(contentsOf: bytes[start..<bytes.count]) }
        return lines
    }
}

extension KubeClient {
    /// Watches any resource and yields each event as its raw JSON line, undecoded: for consumers that only
    /// route or count events (benchmarks, proxies) and would waste time decoding them.
    public func watchLines(
        _ location: ResourceLocation,
        options: ListOptions = ListOptions()
    ) async throws(KubeAPIError) -> AsyncThrowingStream<[UInt8], any Error> {
        var query = options.queryItems
        query.append(("watch", "true"))
        let response = try await self.openStream(KubeRequest(method: "GET", path: location.path, query: query, verb: "WATCH"))
        let (stream, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream(bufferingPolicy: .unbounded)
        let reader = Task {
            var splitter = LineSplitter()
            do {
                try await response.readBody { chunk in
                    for line in splitter.append(chunk) { continuation.yield(line) }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: KubeAPIError.transport(error))
            }
        }
        continuation.onTermination = { _ in reader.cancel() }
        return stream
    }
}

/// An ERROR event, carried out of the body reader to end the stream with its error.
private struct WatchEnded: Error {
    var error: KubeAPIError
}
