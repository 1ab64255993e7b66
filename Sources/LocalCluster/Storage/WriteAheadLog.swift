import Glibc
import Synchronization

/// The durable half of ``ObjectStore``: a write-ahead log of framed records (see ``LogRecord``) in segment
/// files, plus a snapshot of every object as of one version.
///
/// Why a log and not SQLite: the store has one writer (the store's commit token), objects are opaque JSON
/// blobs that are only ever looked up by key from memory, and an append-only file with per-record checksums
/// is the simplest thing to make crash safe: a crash can only tear the last record, which recovery detects
/// by length and checksum and cuts off. It needs no database dependency or C library, and writing a batch
/// is one `write` plus one `fdatasync` (group commit).
///
/// Layout of the data directory:
/// - `LOCK`: held with `flock` while the store is open, so two processes never share a directory.
/// - `snapshot`: magic `SKSNAP01`, the snapshot's version and object count (UInt64 LE each), then one put
///   record per object. Replaced atomically: written as `snapshot.tmp`, synced, renamed, directory synced.
/// - `wal-<16 hex digits>.log`: log segments, named after the first version they may hold. Compaction
///   starts a new segment, writes a snapshot of the versions before it, then removes the older segments.
///
/// Recovery loads the snapshot, replays every segment record with a newer version, and truncates the last
/// segment at its first invalid record (a write torn by a crash). An invalid record in an older segment,
/// or an invalid snapshot, is reported as ``StoreError/corrupt(path:offset:reason:)``.
final class WriteAheadLog: Sendable {
    /// What recovery found.
    struct Recovery: Sendable {
        var objects: [ObjectKey: StoredObject]
        /// The newest version in the snapshot or the log (0 for a new directory).
        var resourceVersion: UInt64
        /// Bytes in log segments (the amount compaction would fold into a snapshot).
        var logBytes: Int
        /// Bytes cut off the end of the last segment (a torn write).
        var truncatedBytes: Int
    }

    private struct Files: ~Copyable {
        var appendFD: Int32
        var appendPath: String
        /// First versions of the segments on disk, ascending; the last one is being appended to.
        var segments: [UInt64]
        var lockFD: Int32
        var isClosed = false
    }

    static let snapshotMagic = Array("SKSNAP01".utf8)

    let directory: String
    private let files: Mutex<Files>

    private init(directory: String, files: consuming Files) {
        self.directory = directory
        self.files = Mutex(files)
    }

    deinit {
        self.close()
    }

    // MARK: - Opening and recovery

    /// Opens (creating if needed) the data directory and recovers its contents.
    static func open(directory: String) throws(StoreError) -> (WriteAheadLog, Recovery) {
        try FileSystem.makeDirectories(directory)
        let lockFD = try FileSystem.lockFile(directory + "/LOCK", directory: directory)
        do {
            try FileSystem.remove(directory + "/snapshot.tmp")
            var recovery = try Self.loadSnapshot(directory: directory)
            let segments = try Self.segmentVersions(directory: directory)
            for (index, first) in segments.enumerated() {
                try Self.replay(
                    path: Self.segmentPath(directory, first),
                    isLast: index == segments.count - 1,
                    into: &recovery
                )
            }
            let appendVersion: UInt64
            let createNew = segments.isEmpty
            if let last = segments.last { appendVersion = last } else { appendVersion = recovery.resourceVersion + 1 }
            let appendPath = Self.segmentPath(directory, appendVersion)
            let appendFD = try FileSystem.open(appendPath, flags: O_WRONLY | O_CREAT | O_APPEND)
            if createNew { try FileSystem.syncDirectory(directory) }
            let files = Files(
                appendFD: appendFD,
                appendPath: appendPath,
                segments: createNew ? [appendVersion] : segments,
                lockFD: lockFD
            )
            return (WriteAheadLog(directory: directory, files: files), recovery)
        } catch {
            FileSystem.close(lockFD)
            throw error
        }
    }

    static func segmentPath(_ directory: String, _ firstVersion: UInt64) -> String {
        let hex = String(firstVersion, radix: 16)
        return directory + "/wal-" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex + ".log"
    }

    private static func segmentVersions(directory: String) throws(StoreError) -> [UInt64] {
        var versions: [UInt64] = []
        for name in try FileSystem.list(directory) where name.hasPrefix("wal-") && name.hasSuffix(".log") {
            let hex = name.dropFirst(4).dropLast(4)
            if hex.utf8.count == 16, let version = UInt64(hex, radix: 16) { versions.append(version) }
        }
        return versions.sorted()
    }

    private static func loadSnapshot(directory: String) throws(StoreError) -> Recovery {
        var recovery = Recovery(objects: [:], resourceVersion: 0, logBytes: 0, truncatedBytes: 0)
        let path = directory + "/snapshot"
        guard let bytes = try FileSystem.readAll(path) else { return recovery }
        let headerSize = Self.snapshotMagic.count + 16
        guard bytes.count >= headerSize, Array(bytes[0..<Self.snapshotMagic.count]) == Self.snapshotMagic else {
            throw .corrupt(path: path, offset: 0, reason: "not a snapshot")
        }
        let version = Self.loadUInt64(bytes, at: Self.snapshotMagic.count)
        let count = Self.loadUInt64(bytes, at: Self.snapshotMagic.count + 8)
        var offset = headerSize
        while true {
            switch LogRecord.read(from: bytes, at: offset) {
            case .end:
                guard UInt64(recovery.objects.count) == count else {
                    throw .corrupt(path: path, offset: offset, reason: "expected \(count) objects")
                }
                recovery.resourceVersion = version
                return recovery
            case .invalid(let reason):
                throw .corrupt(path: path, offset: offset, reason: reason)
            case .record(.put(let object), let next):
                recovery.objects[object.key] = object
                offset = next
            case .record(.delete, _):
                throw .corrupt(path: path, offset: offset, reason: "deletion in a snapshot")
            }
        }
    }

    private static func replay(path: String, isLast: Bool, into recovery: inout Recovery) throws(StoreError) {
        let bytes = try FileSystem.readAll(path) ?? []
        var offset = 0
        while true {
            switch LogRecord.read(from: bytes, at: offset) {
            case .end:
                recovery.logBytes += bytes.count
                return
            case .record(let record, let next):
                if record.resourceVersion > recovery.resourceVersion {
                    switch record {
                    case .put(let object): recovery.objects[object.key] = object
                    case .delete(let key, _): recovery.objects[key] = nil
                    }
                    recovery.resourceVersion = record.resourceVersion
                }
                offset = next
            case .invalid(let reason):
                guard isLast else { throw .corrupt(path: path, offset: offset, reason: reason) }
                let fd = try FileSystem.open(path, flags: O_WRONLY)
                defer { FileSystem.close(fd) }
                try FileSystem.truncate(fd, to: offset, path: path)
                try FileSystem.sync(fd, path: path)
                recovery.truncatedBytes += bytes.count - offset
                recovery.logBytes += offset
                return
            }
        }
    }

    private static func loadUInt64(_ bytes: [UInt8], at index: Int) -> UInt64 {
        var value: UInt64 = 0
        for offset in 0..<8 { value |= UInt64(bytes[index + offset]) << UInt64(offset * 8) }
        return value
    }

    private static func appendUInt64(_ value: UInt64, to bytes: inout [UInt8]) {
        for offset in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(offset * 8))) }
    }

    // MARK: - Writing

    /// Appends framed records and makes them durable before returning.
    func append(_ records: [UInt8]) throws(StoreError) {
        try self.files.withLock { (files: inout Files) throws(StoreError) in
            guard !files.isClosed else { throw .closed }
            try FileSystem.writeAll(files.appendFD, records, path: files.appendPath)
            try FileSystem.syncData(files.appendFD, path: files.appendPath)
        }
    }

    /// Starts a new segment for versions from `firstVersion` on. The caller guarantees that every record
    /// already appended has a lower version and that no append runs concurrently.
    func rotate(firstVersion: UInt64) throws(StoreError) {
        try self.files.withLock { (files: inout Files) throws(StoreError) in
            guard !files.isClosed else { throw .closed }
            guard files.segments.last != firstVersion else { return }
            let path = Self.segmentPath(self.directory, firstVersion)
            let fd = try FileSystem.open(path, flags: O_WRONLY | O_CREAT | O_TRUNC | O_APPEND)
            do throws(StoreError) {
                try FileSystem.syncDirectory(self.directory)
            } catch {
                FileSystem.close(fd)
                throw error
            }
            FileSystem.close(files.appendFD)
            files.appendFD = fd
            files.appendPath = path
            files.segments.append(firstVersion)
        }
    }

    /// Atomically replaces the snapshot with the `count` objects of `objects`, as of `version`.
    func writeSnapshot(version: UInt64, count: Int, objects: some Sequence<StoredObject>) throws(StoreError) {
        let temporary = self.directory + "/snapshot.tmp"
        let fd = try FileSystem.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
        do {
            var buffer = Self.snapshotMagic
            Self.appendUInt64(version, to: &buffer)
            Self.appendUInt64(UInt64(count), to: &buffer)
            var written = 0
            for object in objects {
                LogRecord.put(object).append(to: &buffer)
                written += 1
                if buffer.count >= 1 << 20 {
                    try FileSystem.writeAll(fd, buffer, path: temporary)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            precondition(written == count, "snapshot object count mismatch")
            try FileSystem.writeAll(fd, buffer, path: temporary)
            try FileSystem.sync(fd, path: temporary)
            FileSystem.close(fd)
        } catch {
            FileSystem.close(fd)
            throw error
        }
        try FileSystem.rename(temporary, to: self.directory + "/snapshot")
        try FileSystem.syncDirectory(self.directory)
    }

    /// Removes the segments that only hold versions below `firstVersion` (all covered by the snapshot).
    func removeSegments(before firstVersion: UInt64) throws(StoreError) {
        try self.files.withLock { (files: inout Files) throws(StoreError) in
            guard !files.isClosed else { throw .closed }
            let current = files.segments.last
            var kept: [UInt64] = []
            var removed = false
            for segment in files.segments {
                if segment < firstVersion && segment != current {
                    try FileSystem.remove(Self.segmentPath(self.directory, segment))
                    removed = true
                } else {
                    kept.append(segment)
                }
            }
            files.segments = kept
            if removed { try FileSystem.syncDirectory(self.directory) }
        }
    }

    /// Closes the files and releases the directory lock.
    func close() {
        self.files.withLock { files in
            guard !files.isClosed else { return }
            files.isClosed = true
            FileSystem.close(files.appendFD)
            FileSystem.close(files.lockFD)
        }
    }
}
