import Glibc
import SwiftASN1
import X509

/// Host names and IP literals as they appear in subjectAltName extensions.
enum HostName {
    static func generalName(for host: String) -> GeneralName {
        if let address = Self.ipAddressBytes(host) {
            return .ipAddress(ASN1OctetString(contentBytes: address[...]))
        }
        return .dnsName(host)
    }

    static func subjectAlternativeNames(of certificate: Certificate) -> Set<String> {
        guard let names = try? certificate.extensions.subjectAlternativeNames else { return [] }
        var hosts: Set<String> = []
        for name in names {
            switch name {
            case .dnsName(let dns): hosts.insert(dns)
            case .ipAddress(let bytes): hosts.insert(Self.ipAddressText(Array(bytes.bytes)))
            default: break
            }
        }
        return hosts
    }

    /// The 4 or 16 bytes of an IPv4 or IPv6 literal.
    static func ipAddressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    /// The canonical text of an address given as 4 or 16 bytes.
    static func ipAddressText(_ bytes: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        _ = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
