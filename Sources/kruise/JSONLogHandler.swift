import Foundation
import KubeJSON
import Logging

/// A swift-log handler writing one JSON object per line to standard error (`--log-format json`), with the
/// fields log collectors expect: `ts`, `level`, `logger`, `msg`, and the metadata.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: JSONObject = [
            "ts": .string(Date().formatted(.iso8601)),
            "level": .string(event.level.rawValue),
            "logger": .string(self.label),
            "msg": .string(event.message.description),
        ]
        let merged = self.metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() { object[key] = .string(merged[key]!.description) }
        let line = JSONValue.object(object).serializedString() + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

extension LoggingSystem {
    /// Installs the handler for `format` (text is swift-log's default stream handler).
    static func bootstrapOnce(format: LogFormat) {
        switch format {
        case .text:
            break
        case .json:
            LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        }
    }
}
