@testable import KruiseDaemon
import Testing

/// The elapsed time of `PullImageSucceed` events reads as Go prints a `time.Duration`.
@Suite struct GoDurationTests {
    static let cases: [(Duration, String)] = [
        (.zero, "0s"),
        (.nanoseconds(999), "999ns"),
        (.microseconds(1500), "1.5ms"),
        (.nanoseconds(2_500), "2.5µs"),
        (.milliseconds(1234), "1.234s"),
        (.seconds(61), "1m1s"),
        (.seconds(3600) + .milliseconds(500), "1h0m0.5s"),
        (.milliseconds(-1500), "-1.5s"),
    ]

    @Test(arguments: Self.cases)
    func formats(_ duration: Duration, _ expected: String) {
        #expect(GoDuration.format(duration) == expected)
    }
}
