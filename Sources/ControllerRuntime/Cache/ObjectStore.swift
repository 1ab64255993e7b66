public import KubeModel
import Synchronization

/// An informer's cache: objects by key plus named indexes, safe to read from any task.
///
/// Reads return values: a caller can never change what other readers see. Objects are stored as decoded
/// once from the watch and shared copy-on-write by every reader; the informer stores them packed (about the
/// size of their JSON text), and a reader's first change to a level of an object unpacks just that level.
public final class CacheStore<Object: KubeObject>: Sendable {
    /// Maps an object to the values it is indexed under.
    public typealias IndexFunction = @Sendable (Object) -> [String]

    private struct State {
        var objects: [ObjectKey: Object] = [:]
        /// index name → indexed value → keys
        var indexes: [String: [String: Set<ObjectKey>]] = [:]
        /// What each object is indexed under (index name → values), as worked out when it was stored: an update
        /// that leaves them alone (most are status writes) touches no index and no object is decoded again to
        /// find what to unindex.
        var memberships: [ObjectKey: [String: [String]]] = [:]
        /// ``byIndex(_:_:)``'s key order per index value, until that value's keys change: controllers read their
        /// children this way on every sync, and sorting a thousand keys each time was most of a sync's cost.
        var sortedKeys: [String: [String: [ObjectKey]]] = [:]
        /// ``list()``'s answer until the next change: a scheduler lists its nodes for every pod it places,
        /// and nodes change far less often than that.
        var sorted: [Object]?
    }

    private let indexers: [String: IndexFunction]
    private let state: Mutex<State>

    /// - Parameter indexers: named index functions; `namespace` is always present.
    public init(indexers: [String: IndexFunction] = [:]) {
        var indexers = indexers
        indexers[CacheIndex.namespace] = { [$0.namespace] }
        self.indexers = indexers
        var state = State()
        for name in indexers.keys { state.indexes[name] = [:] }
        self.state = Mutex(state)
    }

    /// The object with `key`.
    public func get(_ key: ObjectKey) -> Object? {
        self.state.withLock { $0.objects[key] }
    }

    /// Every object, in key order.
    public func list() -> [Object] {
        self.state.withLock { state in
            if let sorted = state.sorted { return sorted }
            let sorted = state.objects.sorted { $0.key < $1.key }.map(\.value)
            state.sorted = sorted
            return sorted
        }
    }

    /// Every object, in no particular order (cheaper than ``list()`` for large caches).
    public func values() -> [Object] {
        self.state.withLock { Array($0.objects.values) }
    }

    /// Objects of one namespace.
    public func list(namespace: String) -> [Object] {
        self.byIndex(CacheIndex.namespace, namespace)
    }

    /// Objects indexed under `value` by the index `name`, in key order.
    public func byIndex(_ name: String, _ value: String) -> [Object] {
        self.state.withLock { state in
            guard let keys = state.indexes[name]?[value] else { return [] }
            let order: [ObjectKey]
            if let cached = state.sortedKeys[name]?[value] {
                order = cached
            } else {
                order = keys.sorted()
                state.sortedKeys[name, default: [:]][value] = order
            }
            return order.compactMap { state.objects[$0] }
        }
    }

    /// Number of cached objects.
    public var count: Int { self.state.withLock { $0.objects.count } }

    /// Every key.
    public func keys() -> Set<ObjectKey> { self.state.withLock { Set($0.objects.keys) } }

    /// Stores an object; returns the previous version.
    @discardableResult
    func upsert(_ object: Object) -> Object? {
        let key = ObjectKey(object)
        let values = self.indexers.mapValues { $0(object) }
        return self.state.withLock { state in
            state.sorted = nil
            let previous = state.objects.updateValue(object, forKey: key)
            let old = state.memberships[key] ?? [:]
            if old != values {
                Self.unindex(key, from: old, keeping: values, state: &state)
                for (name, indexed) in values {
                    for value in indexed where !(old[name]?.contains(value) ?? false) {
                        state.indexes[name, default: [:]][value, default: []].insert(key)
                        state.sortedKeys[name]?[value] = nil
                    }
                }
                state.memberships[key] = values
            }
            return previous
        }
    }

    /// Removes an object; returns what was stored.
    @discardableResult
    func remove(_ key: ObjectKey) -> Object? {
        self.state.withLock { state in
            guard let previous = state.objects.removeValue(forKey: key) else { return nil }
            state.sorted = nil
            Self.unindex(key, from: state.memberships.removeValue(forKey: key) ?? [:], keeping: [:], state: &state)
            return previous
        }
    }

    /// Takes `key` out of the index values in `memberships` that `kept` does not also list.
    private static func unindex(
        _ key: ObjectKey, from memberships: [String: [String]], keeping kept: [String: [String]], state: inout State
    ) {
        for (name, values) in memberships {
            for value in values where !(kept[name]?.contains(value) ?? false) {
                state.indexes[name]?[value]?.remove(key)
                if state.indexes[name]?[value]?.isEmpty == true { state.indexes[name]?[value] = nil }
                state.sortedKeys[name]?[value] = nil
            }
        }
    }
}

/// Names and functions of the standard indexes.
public enum CacheIndex {
    /// Objects by `metadata.namespace`.
    public static let namespace = "namespace"
    /// Objects by the UID of their controller ownerReference.
    public static let controllerUID = "controllerUID"
    /// Pods by `spec.nodeName`.
    public static let nodeName = "nodeName"

    /// Indexes an object under its controller owner's UID.
    public static func byControllerUID<Object: KubeObject>(_ object: Object) -> [String] {
        object.metadata.ownerReferences.filter { $0.controller == true }.map(\.uid)
    }

    /// Indexes a pod under its node name.
    public static func byNodeName(_ pod: Pod) -> [String] {
        guard let node = pod.spec.nodeName, !node.isEmpty else { return [] }
        return [node]
    }
}
