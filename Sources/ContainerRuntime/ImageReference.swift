/// A container image reference normalised as containerd (and the kubelet's `docker.io` defaulting) does:
/// `nginx` → `docker.io/library/nginx:latest`, `user/app:1` → `docker.io/user/app:1`,
/// `registry.example.com:5000/app@sha256:…` kept with its digest.
public struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    /// The registry host (`docker.io`, `registry.k8s.io`, `localhost:5000`).
    public var domain: String
    /// The repository path within the registry (`library/nginx`).
    public var path: String
    /// The tag; `nil` when the reference names a digest only.
    public var tag: String?
    /// The digest (`sha256:…`), when the reference pins one.
    public var digest: String?

    /// Parses and normalises `reference`.
    /// - Throws: ``ImageReferenceError`` for an empty reference, upper-case repository names or an empty
    ///   component.
    public init(parsing reference: String) throws(ImageReferenceError) {
        var remainder = reference.trimmingWhitespace
        guard !remainder.isEmpty else { throw ImageReferenceError(reference: reference, reason: "empty reference") }
        var digest: String?
        if let at = remainder.firstIndex(of: "@") {
            digest = String(remainder[remainder.index(after: at)...])
            remainder = String(remainder[..<at])
            guard let value = digest, value.hasPrefix("sha256:"), value.count == 71 else {
                throw ImageReferenceError(reference: reference, reason: "invalid digest")
            }
        }
        var tag: String?
        if let colon = remainder.lastIndex(of: ":"), !remainder[colon...].contains("/") {
            tag = String(remainder[remainder.index(after: colon)...])
            remainder = String(remainder[..<colon])
            guard !(tag ?? "").isEmpty else { throw ImageReferenceError(reference: reference, reason: "empty tag") }
        }
        var components = remainder.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !components.contains(where: \.isEmpty) else {
            throw ImageReferenceError(reference: reference, reason: "empty path component")
        }
        var domain = "docker.io"
        if components.count > 1,
            let first = components.first,
            first.contains(".") || first.contains(":") || first == "localhost"
        {
            domain = first
            components.removeFirst()
        }
        if domain == "index.docker.io" { domain = "docker.io" }
        if domain == "docker.io" && components.count == 1 { components.insert("library", at: 0) }
        let path = components.joined(separator: "/")
        guard path == path.lowercased() else {
            throw ImageReferenceError(reference: reference, reason: "repository name must be lowercase")
        }
        if tag == nil && digest == nil { tag = "latest" }
        self.domain = domain
        self.path = path
        self.tag = tag
        self.digest = digest
    }

    /// `domain/path` (`docker.io/library/nginx`).
    public var repository: String { "\(self.domain)/\(self.path)" }

    /// The fully qualified reference (`docker.io/library/nginx:latest`, or `…@sha256:…` with a digest).
    public var description: String {
        var text = self.repository
        if let tag = self.tag { text += ":" + tag }
        if let digest = self.digest { text += "@" + digest }
        return text
    }

    /// The short name Docker shows and OpenKruise's NodeImages key images by: `docker.io/library/nginx` →
    /// `nginx`, `docker.io/user/app` → `user/app`; other registries keep their domain
    /// (`localhost:5000/base`).
    public var familiarName: String {
        guard self.domain == "docker.io" else { return self.repository }
        if self.path.hasPrefix("library/"), !self.path.dropFirst("library/".count).contains("/") {
            return String(self.path.dropFirst("library/".count))
        }
        return self.path
    }

    /// The name and tag a NodeImage records a pull under (upstream's `NormalizeImageRefToNameTag`): the
    /// familiar name and the tag, or the digest (`sha256:…`) for a reference that pins one.
    public var nameAndTag: (name: String, tag: String) {
        (self.familiarName, self.digest ?? self.tag ?? "latest")
    }

    /// The reference to pull for a NodeImage's `name` and `tag` (the inverse of ``nameAndTag``): `name:tag`, or
    /// `name@sha256:…` when the tag is a digest.
    public static func pullReference(name: String, tag: String) -> String {
        tag.hasPrefix("sha256:") ? "\(name)@\(tag)" : "\(name):\(tag)"
    }

    /// The repo digest form the kubelet reports as `imageID`: `docker.io/library/nginx@sha256:…`.
    public func repoDigest(_ digest: String) -> String {
        "\(self.repository)@\(digest)"
    }

    /// Whether the reference's tag is `latest` or absent, which makes the API server default
    /// `imagePullPolicy` to `Always`.
    public var isLatestOrUntagged: Bool { self.digest == nil && (self.tag == nil || self.tag == "latest") }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
