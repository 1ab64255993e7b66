/// One page of a list.
public struct ListResult: Sendable {
    /// The matching objects, in key order (namespace, then name).
    public var items: [StoredObject]
    /// The version the list reflects: the store's version for a fresh list, the first page's version for
    /// every later page.
    public var resourceVersion: UInt64
    /// Pass this back to get the next page; `nil` on the last page.
    public var continueToken: String?
    /// How many objects follow this page, when the list has no predicate (kube leaves it out otherwise).
    public var remainingItemCount: Int?

    /// Creates a page.
    public init(items: [StoredObject], resourceVersion: UInt64, continueToken: String?, remainingItemCount: Int?) {
        self.items = items
        self.resourceVersion = resourceVersion
        self.continueToken = continueToken
        self.remainingItemCount = remainingItemCount
    }
}
