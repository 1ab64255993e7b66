import ContainerRuntime
public import KubeModel

/// The simulated registry as the ConfigMap `kube-system/local-registry` describes it: the playground's way to
/// push an image or make one fail, with kubectl.
///
/// Each data entry (any key) is `REFERENCE STATE`:
/// - `missing`: pulls fail with containerd's "not found";
/// - `denied`: pulls fail as for a private repository without credentials;
/// - any other word: the content revision: changing it re-pushes the tag, which gets a new digest.
/// An entry with only a reference changes nothing. Removing an entry undoes it.
public struct LocalRegistryConfiguration: Sendable, Hashable {
    /// The ConfigMap's namespace and name.
    public static let namespace = "kube-system"
    public static let name = "local-registry"

    /// What one reference is set to.
    public enum State: Sendable, Hashable {
        case missing
        case denied
        case revision(String)
    }

    /// Normalised reference → state.
    public private(set) var entries: [String: State] = [:]
    /// The entries that could not be read, as `key: problem`.
    public private(set) var problems: [String] = []

    public init() {}

    /// Reads the ConfigMap's data.
    public init(data: [String: String]) {
        for key in data.keys.sorted() {
            let words = data[key]!.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let first = words.first, words.count <= 2 else {
                self.problems.append("\(key): expected \"REFERENCE STATE\", got \"\(data[key]!)\"")
                continue
            }
            let reference: String
            do {
                reference = try ImageReference(parsing: first).description
            } catch {
                self.problems.append("\(key): \(error)")
                continue
            }
            guard words.count == 2 else { continue }
            switch words[1] {
            case "missing": self.entries[reference] = .missing
            case "denied": self.entries[reference] = .denied
            default: self.entries[reference] = .revision(words[1])
            }
        }
    }

    /// Applies the change from `old` to this configuration to `registry`.
    public func apply(to registry: SimulatedRegistry, replacing old: LocalRegistryConfiguration) {
        for (reference, state) in old.entries where self.entries[reference] != state {
            switch state {
            case .missing, .denied: registry.injectFailure(nil, for: reference)
            case .revision: try? registry.setRevision(nil, for: reference)
            }
        }
        for (reference, state) in self.entries where old.entries[reference] != state {
            switch state {
            case .missing: registry.injectFailure(.notFound, for: reference)
            case .denied: registry.injectFailure(.unauthorized, for: reference)
            case .revision(let revision): try? registry.setRevision(revision, for: reference)
            }
        }
    }
}
