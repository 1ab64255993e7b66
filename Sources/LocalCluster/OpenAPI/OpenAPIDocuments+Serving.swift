extension OpenAPIDocuments {
    /// The answer to `GET <path>` under `/openapi/`, or `nil` for 404 (unknown group version, and
    /// `/openapi/v2`, which is not served).
    ///
    /// - `/openapi/v3`: the index, with an `ETag`.
    /// - `/openapi/v3/<gv path>`: the document; with `?hash=` equal to its current hash it may be cached
    ///   forever (`Cache-Control: public, immutable`), with another hash the client is redirected (301) to
    ///   the current URL, as kube-apiserver does.
    /// - An `If-None-Match` naming the current `ETag` gets 304.
    /// - Parameters:
    ///   - path: the request path (`/openapi/v3/apis/apps/v1`); a trailing `/` is ignored.
    ///   - hash: the `hash` query parameter, if any.
    ///   - ifNoneMatch: the `If-None-Match` header, if any.
    public func response(path: String, hash: String? = nil, ifNoneMatch: String? = nil) -> OpenAPIResponse? {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard trimmed.hasPrefix("/openapi/v3") else { return nil }
        let rest = trimmed.dropFirst("/openapi/v3".count)
        if rest.isEmpty {
            let etag = "\"\(OpenAPIGroupVersionDocument.hexDigest(self.indexBytes))\""
            return Self.answer(body: self.indexBytes, etag: etag, ifNoneMatch: ifNoneMatch, extra: [])
        }
        guard rest.hasPrefix("/"), let document = self.document(atPath: String(rest.dropFirst())) else { return nil }
        let etag = "\"\(document.hash)\""
        if let hash, !hash.isEmpty {
            guard hash == document.hash else {
                return OpenAPIResponse(status: 301, headers: [("Location", document.serverRelativeURL)], body: [])
            }
            return Self.answer(
                body: document.bytes,
                etag: etag,
                ifNoneMatch: ifNoneMatch,
                extra: [("Cache-Control", "public, immutable"), ("Vary", "Accept")]
            )
        }
        return Self.answer(body: document.bytes, etag: etag, ifNoneMatch: ifNoneMatch, extra: [])
    }

    private static func answer(
        body: [UInt8],
        etag: String,
        ifNoneMatch: String?,
        extra: [(name: String, value: String)]
    ) -> OpenAPIResponse {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json"), ("ETag", etag)] + extra
        if let ifNoneMatch, Self.matches(ifNoneMatch, etag: etag) {
            headers.removeFirst()
            return OpenAPIResponse(status: 304, headers: headers, body: [])
        }
        return OpenAPIResponse(status: 200, headers: headers, body: body)
    }

    /// `true` when the `If-None-Match` list names `etag` (weak or strong) or is `*`.
    private static func matches(_ header: String, etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingASCIISpaces()
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }
}
