public import KubeJSON

/// A wall-clock instant with microsecond wire precision, as Kubernetes `metav1.MicroTime` (used by `Lease` and
/// `events.k8s.io` objects).
///
/// The JSON form is `2006-01-02T15:04:05.000000Z` in UTC. Parsing accepts any RFC 3339 timestamp: Go requires
/// exactly six fraction digits here, this type also reads other precisions (and none), which never changes
/// the meaning of a valid timestamp.
public struct MicroTime: Sendable, Hashable, Comparable {
    /// The instant.
    public var time: KubeTime

    public init(_ time: KubeTime) {
        self.time = time
    }

    /// The instant `seconds` + `nanoseconds` after the epoch.
    public init(seconds: Int64, nanoseconds: Int64 = 0) {
        self.time = KubeTime(seconds: seconds, nanoseconds: nanoseconds)
    }

    /// The current wall-clock time.
    public static func now() -> MicroTime {
        MicroTime(KubeTime.now())
    }

    /// Parses an RFC 3339 timestamp.
    /// - Throws: ``FieldError`` naming what is wrong with the text.
    public init(parsing text: String) throws(FieldError) {
        let (seconds, nanoseconds) = try KubeTime.parseRFC3339(text, layout: "2006-01-02T15:04:05.000000Z07:00")
        self.time = KubeTime(seconds: seconds, nanoseconds: nanoseconds)
    }

    /// Whole seconds since the epoch.
    public var seconds: Int64 { self.time.seconds }
    /// Nanoseconds within the second.
    public var nanoseconds: Int64 { self.time.nanoseconds }

    /// The same instant truncated to whole microseconds, the precision of the wire form.
    public var truncatedToMicroseconds: MicroTime {
        MicroTime(seconds: self.seconds, nanoseconds: self.nanoseconds / 1000 * 1000)
    }

    /// The instant `seconds` later (earlier when negative).
    public func adding(seconds: Int64) -> MicroTime {
        MicroTime(self.time.adding(seconds: seconds))
    }

    /// The instant `duration` later (earlier when negative).
    public func adding(_ duration: Duration) -> MicroTime {
        MicroTime(self.time.adding(duration))
    }

    public static func < (lhs: MicroTime, rhs: MicroTime) -> Bool {
        lhs.time < rhs.time
    }

    /// `2006-01-02T15:04:05.000000Z`: UTC, microseconds (truncated), as `metav1.MicroTime` marshals.
    public var rfc3339Micro: String {
        KubeTime.formatRFC3339(seconds: self.seconds, fractionDigits: 6, nanoseconds: self.nanoseconds)
    }
}

extension MicroTime: CustomStringConvertible {
    /// ``rfc3339Micro``.
    public var description: String { self.rfc3339Micro }
}

extension MicroTime: JSONRepresentable {
    /// Reads an RFC 3339 string.
    public init(json: JSONValue) throws(FieldError) {
        guard case .string(let text) = json else { throw FieldError.wrongType(expected: "string", got: json) }
        try self.init(parsing: text)
    }

    /// The ``rfc3339Micro`` string.
    public var json: JSONValue { .string(self.rfc3339Micro) }
}
