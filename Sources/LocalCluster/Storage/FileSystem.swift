import Glibc

/// The few POSIX calls the store needs, with `EINTR` retried and failures turned into ``StoreError/io``.
enum FileSystem {
    static func open(_ path: String, flags: Int32, mode: mode_t = 0o644) throws(StoreError) -> Int32 {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            if errno != EINTR { throw .io(operation: "open", path: path, errno: errno) }
        }
    }

    static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    /// Writes every byte of `bytes`, continuing after short writes.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw .io(operation: "write", path: path, errno: failure) }
    }

    /// The whole file, or `nil` when it does not exist.
    static func readAll(_ path: String) throws(StoreError) -> [UInt8]? {
        let fd: Int32
        do {
            fd = try Self.open(path, flags: O_RDONLY)
        } catch {
            if case .io(_, _, ENOENT) = error { return nil }
            throw error
        }
        defer { Self.close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "read", path: path, errno: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Flushes the file's data and metadata to stable storage.
    static func sync(_ fd: Int32, path: String) throws(StoreError) {
        while Glibc.fsync(fd) != 0 {
            if errno != EINTR { throw .io(operation: "fsync", path: path, errno: errno) }
        }
    }

    /// Flushes the file's data and the metadata needed to read it back (its size), which is all an append
    /// needs; cheaper than `fsync` on most file systems.
    static func syncData(_ fd: Int32, path: String) throws(StoreError) {
        while Glibc.fdatasync(fd) != 0 {
            if errno != EINTR { throw .io(operation: "fdatasync", path: path, errno: errno) }
        }
    }

    /// Makes the directory's entries (created, renamed, removed files) durable.
    static func syncDirectory(_ path: String) throws(StoreError) {
        let fd = try Self.open(path, flags: O_RDONLY | O_DIRECTORY)
        defer { Self.close(fd) }
        try Self.sync(fd, path: path)
    }

    static func truncate(_ fd: Int32, to length: Int, path: String) throws(StoreError) {
        while Glibc.ftruncate(fd, off_t(length)) != 0 {
            if errno != EINTR { throw .io(operation: "ftruncate", path: path, errno: errno) }
        }
    }

    static func rename(_ from: String, to: String) throws(StoreError) {
        if Glibc.rename(from, to) != 0 { throw .io(operation: "rename", path: from, errno: errno) }
    }

    static func remove(_ path: String) throws(StoreError) {
        if Glibc.unlink(path) != 0 && errno != ENOENT { throw .io(operation: "unlink", path: path, errno: errno) }
    }

    /// Creates `path` and any missing parents, syncing the parent of every directory it creates so that
    /// the new directories survive a power loss.
    static func makeDirectories(_ path: String) throws(StoreError) {
        var parent = path.hasPrefix("/") ? "/" : "."
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if Glibc.mkdir(prefix, 0o755) == 0 {
                try Self.syncDirectory(parent)
            } else if errno != EEXIST {
                throw .io(operation: "mkdir", path: prefix, errno: errno)
            }
            parent = prefix
            prefix += "/"
        }
    }

    /// The names in a directory, without `.` and `..`.
    static func list(_ path: String) throws(StoreError) -> [String] {
        guard let directory = Glibc.opendir(path) else { throw .io(operation: "opendir", path: path, errno: errno) }
        defer { Glibc.closedir(directory) }
        var names: [String] = []
        while let entry = Glibc.readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `F_OFD_SETLK` from `<fcntl.h>` (Linux 3.15+), which the Glibc module does not export.
    private static let setOpenFileDescriptionLock: Int32 = 37

    /// Takes an exclusive advisory lock on `path` (created if missing) and returns its descriptor; the lock
    /// lasts until the descriptor is closed.
    static func lockFile(_ path: String, directory: String) throws(StoreError) -> Int32 {
        let fd = try Self.open(path, flags: O_RDWR | O_CREAT)
        // An open file description lock (`F_OFD_SETLK`): like `flock`, it belongs to this descriptor, so a
        // second open in the same process conflicts too, and closing the descriptor releases it.
        var lock = Glibc.flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        if Glibc.fcntl(fd, Self.setOpenFileDescriptionLock, &lock) != 0 {
            let error = errno
            Self.close(fd)
            if error == EAGAIN || error == EACCES { throw .directoryLocked(path: directory) }
            throw .io(operation: "flock", path: path, errno: error)
        }
        return fd
    }
}
