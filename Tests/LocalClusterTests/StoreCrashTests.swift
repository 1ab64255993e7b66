import Foundation
import KubeJSON
import LocalCluster
import Testing

/// A real `kill -9`: the test binary runs ``writerChild()`` in a child process that writes until it is killed,
/// reporting every acknowledged write; the parent then reopens the directory and finds every one of them.
@Suite struct StoreCrashTests {
    typealias Support = StoreTestSupport
    static let directoryVariable = "SWIFTKRUISE_STORE_CRASH_DIR"

    /// In the child process: write forever, printing `ACK <version>` after each acknowledged write.
    /// Does nothing in a normal test run.
    @Test func writerChild() async throws {
        guard let directory = ProcessInfo.processInfo.environment[Self.directoryVariable] else { return }
        let store = try ObjectStore(directory: directory, configuration: .init(compactionThreshold: 32 << 10))
        var index = 0
        while true {
            let name = "p\(index)"
            let created = try await store.create(Support.podKey(name), Support.pod(name))
            FileHandle.standardOutput.write(Data("ACK \(created.resourceVersion) \(name)\n".utf8))
            index += 1
        }
    }

    @Test func everyAcknowledgedWriteSurvivesKillNine() async throws {
        try await Support.withTemporaryDirectory { directory in
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["--testing-library", "swift-testing", "--filter", "StoreCrashTests/writerChild"]
            child.environment = ProcessInfo.processInfo.environment.merging([Self.directoryVariable: directory]) { $1 }
            let output = Pipe()
            child.standardOutput = output
            child.standardError = FileHandle.nullDevice
            try child.run()

            var acknowledged: [(UInt64, String)] = []
            var buffer = Data()
            let reader = output.fileHandleForReading
            while acknowledged.count < 300 {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...newline)
                    let fields = line.split(separator: " ")
                    if fields.count == 3, fields[0] == "ACK", let version = UInt64(fields[1]) {
                        acknowledged.append((version, String(fields[2])))
                    }
                }
            }
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal)
            try #require(acknowledged.count >= 300)

            let store = try ObjectStore(directory: directory)
            let last = try #require(acknowledged.last?.0)
            #expect(store.resourceVersion >= last)
            for (version, name) in acknowledged {
                #expect(store.get(Support.podKey(name))?.resourceVersion == version)
            }
            let next = try await store.create(Support.podKey("after-crash"), Support.pod("after-crash"))
            #expect(next.resourceVersion == store.recovery.resourceVersion + 1)
            store.close()
        }
    }
}
