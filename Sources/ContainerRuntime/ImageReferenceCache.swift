import Synchronization

/// Parsed image references by the text they were parsed from.
///
/// The simulated kubelets and their image stores read the same few references for every pod they look at,
/// several times each (the spec's image, the status's, the store's and the registry's keys); parsing and
/// normalising each time was a few percent of a whole rollout's CPU. Only references that parse are kept;
/// the cache empties itself when it reaches its capacity.
public final class ImageReferenceCache: Sendable {
    /// The cache the simulated nodes share.
    public static let shared = ImageReferenceCache(capacity: 4_096)

    private struct Entry: Sendable {
        var reference: ImageReference
        var normalized: String
    }

    private let entries: Mutex<[String: Entry]>
    private let capacity: Int

    /// A cache holding up to `capacity` references.
    public init(capacity: Int) {
        self.entries = Mutex([:])
        self.capacity = max(1, capacity)
    }

    /// `ImageReference(parsing: text)`, parsed once.
    /// - Throws: ``ImageReferenceError`` as the parse does.
    public func reference(_ text: String) throws(ImageReferenceError) -> ImageReference {
        try self.entry(text).reference
    }

    /// The normalised form of `text` (its reference's ``ImageReference/description``); `nil` when it does not
    /// parse.
    public func normalized(_ text: String) -> String? {
        try? self.entry(text).normalized
    }

    private func entry(_ text: String) throws(ImageReferenceError) -> Entry {
        if let known = self.entries.withLock({ $0[text] }) { return known }
        let reference = try ImageReference(parsing: text)
        let entry = Entry(reference: reference, normalized: reference.description)
        self.entries.withLock { entries in
            if entries.count >= self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[text] = entry
        }
        return entry
    }
}
