public import KubeJSON
public import KubeModel

/// `NodeImageStatus`: the counts the daemon reports and each tag's pull. `desired`, `succeeded`, `failed` and
/// `pulling` are always written.
public struct NodeImageStatus: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `desired`: tags in the spec.
    public var desired: Int32 {
        get { self.value("desired") ?? 0 }
        set { self.setValue("desired", newValue) }
    }

    /// `succeeded`.
    public var succeeded: Int32 {
        get { self.value("succeeded") ?? 0 }
        set { self.setValue("succeeded", newValue) }
    }

    /// `failed`.
    public var failed: Int32 {
        get { self.value("failed") ?? 0 }
        set { self.setValue("failed", newValue) }
    }

    /// `pulling`.
    public var pulling: Int32 {
        get { self.value("pulling") ?? 0 }
        set { self.setValue("pulling", newValue) }
    }

    /// `waiting`: tags queued behind the daemon's concurrent-pull limit (OpenKruise v1.9's field; written only
    /// when non-zero, so a v1.6 reader sees the same status).
    public var waiting: Int32 {
        get { self.value("waiting") ?? 0 }
        set { self.setValue("waiting", newValue == 0 ? nil : newValue) }
    }

    /// `imageStatuses`: image name → its tags' pulls.
    public var imageStatuses: [String: [ImageTagStatus]] {
        get {
            guard case .object(let map)? = self.object["imageStatuses"] else { return [:] }
            var result: [String: [ImageTagStatus]] = [:]
            for member in map {
                result[member.key] = ImageStatusView(json: member.value).tags
            }
            return result
        }
        set {
            var views: [String: ImageStatusView] = [:]
            for (name, tags) in newValue where !tags.isEmpty { views[name] = ImageStatusView(tags: tags) }
            self.object["imageStatuses"] = NodeImageSpecView.orderedMap(views, existing: self.object["imageStatuses"])
        }
    }

    /// The status of `tag` of image `name`, if reported.
    public func tagStatus(image name: String, tag: String) -> ImageTagStatus? {
        self.imageStatuses[name]?.first { $0.tag == tag }
    }

    /// `firstSyncStatus`: the daemon's first sync of this NodeImage.
    public var firstSyncStatus: JSONObject? {
        get { self.object["firstSyncStatus"]?.objectValue }
        set { self.object["firstSyncStatus"] = newValue.map { .object($0) } }
    }
}

/// `ImageStatus`: `{tags: [...]}`.
struct ImageStatusView: JSONObjectView {
    var object: JSONObject

    init(object: JSONObject) {
        self.object = object
    }

    init(json: JSONValue) {
        self.object = json.objectValue ?? JSONObject()
    }

    init(tags: [ImageTagStatus]) {
        self.object = JSONObject()
        self.object["tags"] = .array(tags.map { .object($0.object) })
    }

    var tags: [ImageTagStatus] { self.views("tags") }
}

/// `ImageTagStatus`: one tag's pull on the node.
public struct ImageTagStatus: JSONObjectView {
    /// `phase`.
    public enum Phase: String, Sendable, Hashable, CaseIterable {
        case waiting = "Waiting"
        case pulling = "Pulling"
        case succeeded = "Succeeded"
        case failed = "Failed"
    }

    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// A status of `tag` in `phase` for pull round `version`.
    public init(tag: String, phase: Phase, version: Int64) {
        self.object = JSONObject()
        self.tag = tag
        self.phase = phase
        self.version = version
    }

    /// `tag`.
    public var tag: String {
        get { self.value("tag") ?? "" }
        set { self.setValue("tag", newValue) }
    }

    /// `phase` (unknown values read as `Waiting`).
    public var phase: Phase {
        get { self.value("phase", as: String.self).flatMap(Phase.init(rawValue:)) ?? .waiting }
        set { self.setValue("phase", newValue.rawValue) }
    }

    /// `progress`: 0–100.
    public var progress: Int32 {
        get { self.value("progress") ?? 0 }
        set { self.setValue("progress", newValue == 0 ? nil : newValue) }
    }

    /// `startTime`.
    public var startTime: KubeTime? {
        get { self.value("startTime") }
        set { self.setValue("startTime", newValue) }
    }

    /// `completionTime`.
    public var completionTime: KubeTime? {
        get { self.value("completionTime") }
        set { self.setValue("completionTime", newValue) }
    }

    /// `version`: the pull round this status is for.
    public var version: Int64 {
        get { self.value("version") ?? 0 }
        set { self.setValue("version", newValue == 0 ? nil : newValue) }
    }

    /// `imageID`: what the runtime reports for the pulled image (a repo digest, `docker.io/library/nginx@sha256:…`).
    public var imageID: String? {
        get { self.value("imageID") }
        set { self.setValue("imageID", newValue?.isEmpty == true ? nil : newValue) }
    }

    /// `message`.
    public var message: String? {
        get { self.value("message") }
        set { self.setValue("message", newValue?.isEmpty == true ? nil : newValue) }
    }

    /// Whether the pull finished (succeeded or failed).
    public var isFinished: Bool { self.phase == .succeeded || self.phase == .failed }
}
