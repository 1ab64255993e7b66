/// The name a TLS client sends in SNI and checks the server's certificate against.
public enum ServerNameIndication {
    /// `host`, or `nil` for an IP literal (dotted digits, or anything with a `:`): an address cannot go into SNI,
    /// and without a name NIOSSL checks the certificate's IP addresses against the peer's address instead.
    public static func hostname(for host: String) -> String? {
        if host.contains(":") { return nil }
        let isIPv4 = !host.isEmpty && host.allSatisfy { $0 == "." || $0.isASCII && $0.isNumber }
        return isIPv4 ? nil : host
    }
}
