import Glibc
import Synchronization

/// Random bytes from the kernel, fetched 4 KiB at a time: one read per 256 UIDs instead of one
/// per byte (`UInt8.random(using: SystemRandomNumberGenerator)` makes a system call per value; sixteen per UID
/// were 2% of the server's CPU on creates).
final class RandomBytes: Sendable {
    static let shared = RandomBytes()

    private static let poolSize = 4096
    private let pool = Mutex<(bytes: [UInt8], next: Int)>(([], RandomBytes.poolSize))

    /// Sixteen fresh bytes; none is handed out twice.
    func next128() -> (UInt64, UInt64) {
        self.pool.withLock { pool in
            if pool.next + 16 > pool.bytes.count {
                pool.bytes = Self.kernelRandom(count: Self.poolSize)
                pool.next = 0
            }
            let start = pool.next
            pool.next += 16
            return pool.bytes.withUnsafeBytes { bytes in
                (bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self),
                 bytes.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
            }
        }
    }

    /// `count` bytes read from `/dev/urandom` (the kernel's generator; `getrandom(2)` is not in Swift's Glibc
    /// module), completed from the system generator should that fail.
    private static func kernelRandom(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        let descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            bytes.withUnsafeMutableBytes { buffer in
                while filled < count {
                    let got = read(descriptor, buffer.baseAddress! + filled, count - filled)
                    if got > 0 {
                        filled += got
                    } else if got < 0 && errno == EINTR {
                        continue
                    } else {
                        break
                    }
                }
            }
            close(descriptor)
        }
        if filled < count {
            var generator = SystemRandomNumberGenerator()
            for index in filled..<count { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        }
        return bytes
    }
}
