import CHeapStatistics
import Foundation

/// Memory and CPU figures of a process, from /proc.
enum ProcessStatistics {
    /// `VmRSS` of /proc/PID/status, in bytes.
    static func residentBytes(pid: Int32) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes * 1024
    }

    /// Bytes the C heap has handed out and not taken back (glibc `mallinfo2`: in-use chunks, both arenas and
    /// mmapped blocks). Unlike RSS it falls when memory is freed, so it measures what a structure retains.
    static func heapInUseBytes() -> Int {
        Int(kruise_heap_in_use_bytes())
    }

    /// utime + stime of /proc/PID/stat, in seconds.
    static func cpuSeconds(pid: Int32) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command name: state is field 3; utime and stime are fields 14 and 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user + system) / ticks
    }
}
