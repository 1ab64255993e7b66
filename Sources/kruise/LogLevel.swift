import ArgumentParser
import Logging

/// `--log-level`: swift-log's level names (upstream's klog `-v` has no direct equivalent).
enum LogLevel: String, CaseIterable, ExpressibleByArgument, Sendable {
    case trace, debug, info, notice, warning, error, critical

    /// A logger labelled `label` that logs at this level and above.
    func logger(label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = Logger.Level(rawValue: self.rawValue) ?? .info
        return logger
    }
}
