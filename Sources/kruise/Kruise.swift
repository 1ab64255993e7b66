import ArgumentParser

/// The `kruise` command: one binary for every SwiftKruise component.
@main
struct Kruise: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kruise",
        abstract: "SwiftKruise: OpenKruise's advanced Kubernetes workloads, in Swift.",
        version: KruiseVersion.current.version,
        subcommands: [LocalCommand.self, APIServerCommand.self, ManagerCommand.self, DaemonCommand.self, NodesCommand.self, CRDsCommand.self, VersionCommand.self]
    )
}
