import Foundation

enum FileSystemFixture {
    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}

func NSTemporaryDirectoryPath() -> String {
    var path = NSTemporaryDirectory()
    while path.hasSuffix("/") { path.removeLast() }
    return path
}
