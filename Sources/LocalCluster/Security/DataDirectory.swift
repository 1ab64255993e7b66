import FoundationEssentials
import Glibc

/// The files an embedded cluster keeps between runs: certificates, the bearer token, the kubeconfig and the
/// object store, under one directory.
public struct DataDirectory: Sendable {
    /// The directory's path.
    public let path: String

    /// Opens (and creates, with mode 0700) the directory.
    /// - Throws: ``DataDirectoryError`` when it cannot be created.
    public init(path: String) throws(DataDirectoryError) {
        self.path = path
        try Self.makeDirectory(path)
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String {
        self.path.hasSuffix("/") ? self.path + name : self.path + "/" + name
    }

    /// A subdirectory, created when missing.
    public func subdirectory(_ name: String) throws(DataDirectoryError) -> DataDirectory {
        try DataDirectory(path: self.file(name))
    }

    /// The contents of `name`, or `nil` when it does not exist.
    public func read(_ name: String) throws(DataDirectoryError) -> [UInt8]? {
        let path = self.file(name)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataDirectoryError(path: path, operation: "read", errno: errno)
        }
        return Array(data)
    }

    /// Writes `bytes` to `name` atomically (a temporary file, fsync, rename) with the given permissions, so a
    /// crash leaves either the old or the new contents, never a torn file.
    public func write(_ name: String, _ bytes: [UInt8], mode: UInt32 = 0o600) throws(DataDirectoryError) {
        let path = self.file(name)
        let temporary = path + ".tmp"
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw DataDirectoryError(path: temporary, operation: "open", errno: errno) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let failure = errno
                Glibc.close(fd)
                throw DataDirectoryError(path: temporary, operation: "write", errno: failure)
            }
            written += result
        }
        guard Glibc.fsync(fd) == 0 else {
            let failure = errno
            Glibc.close(fd)
            throw DataDirectoryError(path: temporary, operation: "fsync", errno: failure)
        }
        Glibc.close(fd)
        guard Glibc.rename(temporary, path) == 0 else {
            throw DataDirectoryError(path: path, operation: "rename", errno: errno)
        }
    }

    private static func makeDirectory(_ path: String) throws(DataDirectoryError) {
        // opendir follows symbolic links, so a data directory may be a link to one.
        if let handle = opendir(path) {
            closedir(handle)
            return
        }
        if errno == ENOTDIR { throw DataDirectoryError(path: path, operation: "mkdir", errno: ENOTDIR) }
        do {
            try FileManager.default.createDirectory(
                atPath: path,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw DataDirectoryError(path: path, operation: "mkdir", errno: EACCES)
        }
    }
}

/// A file operation in the data directory failed.
public struct DataDirectoryError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var errno: Int32

    public var description: String {
        "\(self.operation) \(self.path): \(String(cString: strerror(self.errno)))"
    }
}
