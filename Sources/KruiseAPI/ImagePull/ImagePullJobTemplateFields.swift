public import KubeJSON
public import KubeModel

/// The fields of upstream's `ImagePullJobTemplate`, which ImagePullJob's spec and ImageListPullJob's spec both
/// inline: which nodes pull, with which secrets, how many at once, and when the job completes.
public protocol ImagePullJobTemplateFields: JSONObjectView {}

extension ImagePullJobTemplateFields {
    /// `pullSecrets`: names of Secrets in the job's namespace used to pull the image.
    public var pullSecrets: [String] {
        get { self.value("pullSecrets") ?? [] }
        set { self.setValue("pullSecrets", newValue.isEmpty ? nil : newValue) }
    }

    /// `selector`: the nodes to pull on, by name or by label; absent with no `podSelector` means all nodes.
    public var selector: ImagePullJobNodeSelector? {
        get { self.object["selector"]?.objectValue.map(ImagePullJobNodeSelector.init(object:)) }
        set { self.object["selector"] = newValue.map { .object($0.object) } }
    }

    /// `podSelector`: pull on the nodes that run pods matching this selector (in the job's namespace).
    public var podSelector: LabelSelector? {
        get { self.value("podSelector") }
        set { self.setValue("podSelector", newValue) }
    }

    /// `parallelism`: how many nodes pull at once (an integer; 0 pauses the job). Defaulted to 1.
    public var parallelism: IntOrString? {
        get { self.value("parallelism") }
        set { self.setValue("parallelism", newValue) }
    }

    /// `pullPolicy`: timeout and retries of each node's pull.
    public var pullPolicy: ImagePullJobPullPolicy? {
        get { self.object["pullPolicy"]?.objectValue.map(ImagePullJobPullPolicy.init(object:)) }
        set { self.object["pullPolicy"] = newValue.map { .object($0.object) } }
    }

    /// `completionPolicy`: `Always` (the job finishes) or `Never` (it keeps nodes warm).
    public var completionPolicy: ImagePullJobCompletionPolicy {
        get { self.view("completionPolicy") }
        set { self.setView("completionPolicy", newValue) }
    }

    /// `sandboxConfig`: labels and annotations passed to the runtime's PullImage.
    public var sandboxConfig: ImagePullSandboxConfig? {
        get { self.object["sandboxConfig"]?.objectValue.map(ImagePullSandboxConfig.init(object:)) }
        set { self.object["sandboxConfig"] = newValue.map { .object($0.object) } }
    }

    /// `imagePullPolicy`: `IfNotPresent` (default) or `Always` (pull even when the node has the image).
    public var imagePullPolicy: ImagePullPolicy {
        get { self.value("imagePullPolicy", as: String.self).flatMap(ImagePullPolicy.init(rawValue:)) ?? .ifNotPresent }
        set { self.setValue("imagePullPolicy", newValue.rawValue) }
    }

    /// The raw `imagePullPolicy`, for validation (absent: `nil`).
    public var imagePullPolicyValue: String? { self.value("imagePullPolicy") }
}

/// An ImageListPullJob's template, as a standalone object (for hashing and for the child ImagePullJobs).
public struct ImagePullJobTemplate: ImagePullJobTemplateFields {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }
}
