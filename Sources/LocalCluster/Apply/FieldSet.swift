import KubeJSON

/// A set of field paths: the fields a manager owns, or the fields an object or a change contains.
///
/// Stored as a tree, as structured-merge-diff does: at each node, the path elements that are in the set
/// (``members``) and the sets below the elements that have descendants in it (``children``). An element can be
/// both: a list item the manager owns as a whole (`.` in FieldsV1) that also has owned fields.
public struct FieldSet: Sendable, Hashable {
    /// The elements at this level that are in the set themselves.
    public private(set) var members: Set<FieldPathElement>
    /// The non-empty sets below elements at this level.
    public private(set) var children: [FieldPathElement: FieldSet]

    /// The empty set.
    public init() {
        self.members = []
        self.children = [:]
    }

    /// The set holding `paths`.
    public init(_ paths: some Sequence<FieldPath>) {
        self.init()
        for path in paths { self.insert(path) }
    }

    /// `true` when the set holds no path.
    public var isEmpty: Bool { self.members.isEmpty && self.children.isEmpty }

    /// Adds `path`; the empty path is ignored.
    public mutating func insert(_ path: FieldPath) {
        self.insert(path.elements[...])
    }

    private mutating func insert(_ elements: ArraySlice<FieldPathElement>) {
        guard let first = elements.first else { return }
        if elements.count == 1 {
            self.members.insert(first)
        } else {
            self.children[first, default: FieldSet()].insert(elements.dropFirst())
        }
    }

    /// Adds the element `element` at this level.
    mutating func insertMember(_ element: FieldPathElement) {
        self.members.insert(element)
    }

    /// Puts `child` below `element`, merging with what is there.
    mutating func insertChild(_ element: FieldPathElement, _ child: FieldSet) {
        guard !child.isEmpty else { return }
        if let existing = self.children[element] {
            self.children[element] = existing.union(child)
        } else {
            self.children[element] = child
        }
    }

    /// `true` when `path` itself is in the set.
    public func contains(_ path: FieldPath) -> Bool {
        var node = self
        for (position, element) in path.elements.enumerated() {
            if position == path.elements.count - 1 { return node.members.contains(element) }
            guard let child = node.children[element] else { return false }
            node = child
        }
        return false
    }

    /// `true` when `path` or a path below it is in the set.
    public func containsPrefix(_ path: FieldPath) -> Bool {
        guard !path.elements.isEmpty else { return !self.isEmpty }
        var node = self
        for (position, element) in path.elements.enumerated() {
            if position == path.elements.count - 1 {
                return node.members.contains(element) || node.children[element] != nil
            }
            guard let child = node.children[element] else { return false }
            node = child
        }
        return false
    }

    /// The set below `element` (empty when there is none).
    public func child(_ element: FieldPathElement) -> FieldSet {
        self.children[element] ?? FieldSet()
    }

    /// The paths in the set, in structured-merge-diff's order: at each level the members sorted, then the
    /// children sorted, depth first.
    public var paths: [FieldPath] {
        var result: [FieldPath] = []
        self.collect(prefix: FieldPath([]), into: &result)
        return result
    }

    private func collect(prefix: FieldPath, into result: inout [FieldPath]) {
        for member in self.members.sorted() { result.append(prefix.appending(member)) }
        for element in self.children.keys.sorted() {
            self.children[element]!.collect(prefix: prefix.appending(element), into: &result)
        }
    }

    /// The number of paths in the set.
    public var count: Int {
        self.members.count + self.children.values.reduce(0) { $0 + $1.count }
    }

    /// The paths in `self` or in `other`.
    public func union(_ other: FieldSet) -> FieldSet {
        var result = self
        result.members.formUnion(other.members)
        for (element, child) in other.children { result.insertChild(element, child) }
        return result
    }

    /// The paths in both `self` and `other`.
    public func intersection(_ other: FieldSet) -> FieldSet {
        var result = FieldSet()
        result.members = self.members.intersection(other.members)
        for (element, child) in self.children {
            guard let otherChild = other.children[element] else { continue }
            result.insertChild(element, child.intersection(otherChild))
        }
        return result
    }

    /// The paths in `self` that are not in `other` (a path is removed alone, not with the paths below it).
    public func subtracting(_ other: FieldSet) -> FieldSet {
        var result = FieldSet()
        result.members = self.members.subtracting(other.members)
        for (element, child) in self.children {
            if let otherChild = other.children[element] {
                result.insertChild(element, child.subtracting(otherChild))
            } else {
                result.children[element] = child
            }
        }
        return result
    }
}

extension FieldSet: CustomStringConvertible {
    /// The FieldsV1 JSON text.
    public var description: String { self.fieldsV1.serializedString() }
}
