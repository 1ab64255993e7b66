/// What the manager needs of an informer without knowing its object type.
protocol SharedInformer: Sendable {
    var hasSynced: Bool { get }
    func waitForSync() async
    func run() async
}

extension Informer: SharedInformer {}
