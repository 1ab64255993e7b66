import ArgumentParser

@main
struct Kruise: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kruise", abstract: "SwiftKruise")
}
