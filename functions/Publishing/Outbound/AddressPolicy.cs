using System.Net;
using System.Net.Sockets;

namespace Publishing.Outbound;

/// <summary>
/// Which IP addresses a fetch of a content URL may connect to: public unicast only. Everything that reaches this
/// machine, the internal network or cloud metadata endpoints is refused, including IPv6 forms that embed an IPv4
/// address (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16).
/// </summary>
public static class AddressPolicy
{
    // (network, prefix length) in IPv4 space.
    static readonly (uint Network, int Prefix)[] BlockedV4 =
    [
        (0x00000000, 8),  // 0.0.0.0/8 "this network", includes unspecified 0.0.0.0 (Linux connects it to loopback)
        (0x0A000000, 8),  // 10/8 private (RFC 1918)
        (0x64400000, 10), // 100.64/10 CGNAT shared space
        (0x7F000000, 8),  // 127/8 loopback
        (0xA9FE0000, 16), // 169.254/16 link-local, cloud metadata (169.254.169.254)
        (0xAC100000, 12), // 172.16/12 private
        (0xC0000000, 24), // 192.0.0/24 IETF protocol assignments
        (0xC0000200, 24), // 192.0.2/24 documentation
        (0xC0586300, 24), // 192.88.99/24 6to4 relay anycast
        (0xC0A80000, 16), // 192.168/16 private
        (0xC6120000, 15), // 198.18/15 benchmarking
        (0xC6336400, 24), // 198.51.100/24 documentation
        (0xCB007100, 24), // 203.0.113/24 documentation
        (0xE0000000, 4),  // 224/4 multicast
        (0xF0000000, 4),  // 240/4 reserved, includes broadcast 255.255.255.255
    ];

    /// <summary>True when a content fetch may connect to <paramref name="address"/>.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsPublicV4(address);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublicV4(address.MapToIPv4());
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        if (b[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            // ::/96: unspecified ::, loopback ::1 and deprecated IPv4-compatible ::a.b.c.d.
            return false;
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            // 64:ff9b::/96 NAT64: a gateway would connect to the embedded IPv4 address.
            return IsPublicV4(new IPAddress(b[12..16]));
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            // 2002::/16 6to4 carries an IPv4 address in bits 16–47.
            return IsPublicV4(new IPAddress(b[2..6]));
        }

        return !(b[0] == 0xFF                                  // ff00::/8 multicast
            || (b[0] & 0xFE) == 0xFC                           // fc00::/7 unique local
            || (b[0] == 0xFE && (b[1] & 0xC0) is 0x80 or 0xC0) // fe80::/10 link-local, fec0::/10 site-local
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // 2001:db8::/32 documentation
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) // 2001::/32 Teredo (embeds an obfuscated IPv4)
            || (b[0] == 0x01 && b[1..8].IndexOfAnyExcept((byte)0) < 0));     // 100::/64 discard
    }

    /// <summary>Loopback in any notation (127/8, ::1, ::ffff:127.x.y.z).</summary>
    public static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address) || (address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4()));

    static bool IsPublicV4(IPAddress address)
    {
        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        uint value = (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
        foreach (var (network, prefix) in BlockedV4)
        {
            uint mask = uint.MaxValue << (32 - prefix);
            if ((value & mask) == network)
            {
                return false;
            }
        }

        return true;
    }
}
