/// How a write records field ownership in `metadata.managedFields`.
enum FieldOwnership {
    /// An ordinary write (create, update, a non-apply patch) by this field manager.
    case update(manager: String)
    /// A server-side apply, whose result already carries its managed fields.
    case apply
}
