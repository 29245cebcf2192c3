using System.Net;
using Publishing.Outbound;

namespace Publishing.Tests.Outbound;

/// <summary>Every address form an attacker can put in a content URL (or its DNS answer) to reach inward.</summary>
public class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]              // loopback
    [InlineData("127.255.255.254")]        // loopback, whole /8
    [InlineData("0.0.0.0")]                // unspecified: Linux connects it to loopback
    [InlineData("0.1.2.3")]                // "this network"
    [InlineData("10.0.0.1")]               // RFC 1918
    [InlineData("172.16.0.1")]             // RFC 1918
    [InlineData("172.31.255.255")]         // RFC 1918, end of the /12
    [InlineData("192.168.1.1")]            // RFC 1918
    [InlineData("169.254.169.254")]        // link-local: cloud instance metadata
    [InlineData("100.64.0.1")]             // CGNAT 100.64/10
    [InlineData("100.127.255.254")]        // CGNAT, end of the /10
    [InlineData("224.0.0.1")]              // multicast
    [InlineData("239.255.255.250")]        // multicast (SSDP)
    [InlineData("255.255.255.255")]        // broadcast
    [InlineData("240.0.0.1")]              // reserved
    [InlineData("192.0.0.8")]              // IETF protocol assignments
    [InlineData("198.18.0.1")]             // benchmarking
    [InlineData("::")]                     // IPv6 unspecified
    [InlineData("::1")]                    // IPv6 loopback
    [InlineData("::ffff:127.0.0.1")]       // IPv4-mapped loopback
    [InlineData("::ffff:7f00:1")]          // same, hex notation
    [InlineData("::ffff:10.1.2.3")]        // IPv4-mapped private
    [InlineData("::ffff:169.254.169.254")] // IPv4-mapped metadata
    [InlineData("::ffff:100.64.0.1")]      // IPv4-mapped CGNAT
    [InlineData("::ffff:0.0.0.0")]         // IPv4-mapped unspecified
    [InlineData("::127.0.0.1")]            // deprecated IPv4-compatible loopback
    [InlineData("::10.0.0.1")]             // deprecated IPv4-compatible private
    [InlineData("64:ff9b::7f00:1")]        // NAT64 to loopback
    [InlineData("64:ff9b::a9fe:a9fe")]     // NAT64 to metadata
    [InlineData("2002:7f00:1::1")]         // 6to4 embedding 127.0.0.1
    [InlineData("2002:c0a8:101::1")]       // 6to4 embedding 192.168.1.1
    [InlineData("fc00::1")]                // unique local
    [InlineData("fd12:3456:789a::1")]      // unique local
    [InlineData("fe80::1")]                // link-local
    [InlineData("febf::1")]                // link-local, end of fe80::/10
    [InlineData("fec0::1")]                // deprecated site-local
    [InlineData("ff02::1")]                // multicast
    [InlineData("2001:db8::1")]            // documentation
    [InlineData("2001:0:4136:e378::1")]    // Teredo
    public void InwardAddress_IsRefused(string address)
    {
        Assert.False(AddressPolicy.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("203.119.25.1")]           // public IPv4 (a CN government host range)
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]             // just outside 172.16/12
    [InlineData("100.128.0.1")]            // just outside 100.64/10
    [InlineData("11.0.0.1")]
    [InlineData("::ffff:8.8.8.8")]         // mapped public
    [InlineData("64:ff9b::808:808")]       // NAT64 to a public address
    [InlineData("2002:808:808::1")]        // 6to4 of a public address
    [InlineData("240e:e9:6002:15::1")]     // public IPv6 (China Telecom)
    [InlineData("2400:3200::1")]           // public IPv6
    public void PublicAddress_IsAllowed(string address)
    {
        Assert.True(AddressPolicy.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.2", true)]
    [InlineData("10.0.0.1", false)]
    public void IsLoopback_RecognisesEveryNotation(string address, bool expected)
    {
        Assert.Equal(expected, AddressPolicy.IsLoopback(IPAddress.Parse(address)));
    }
}
