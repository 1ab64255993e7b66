public import KubeModel

extension KubeClient {
    /// Reads an object, applies `mutate`, and writes it back, starting over from a fresh read when the write
    /// loses a race (409 Conflict), as client-go's `RetryOnConflict` with its default backoff (5 tries,
    /// 10 ms doubling). `mutate` returning `false` means nothing to change: no write is made.
    @discardableResult
    public func update<T: KubeObject>(
        _ type: T.Type,
        namespace: String? = nil,
        name: String,
        status: Bool = false,
        attempts: Int = 5,
        mutate: (inout T) -> Bool
    ) async throws(KubeAPIError) -> T {
        var attempt = 0
        while true {
            var object = try await self.get(T.self, namespace: namespace, name: name)
            guard mutate(&object) else { return object }
            do {
                return status ? try await self.updateStatus(object) : try await self.update(object)
            } catch {
                attempt += 1
                guard error.isConflict, attempt < attempts else { throw error }
                try? await Task.sleep(for: .milliseconds(10 << min(attempt - 1, 6)))
            }
        }
    }
}
