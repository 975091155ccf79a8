using System.Net;
using System.Net.Sockets;

namespace PaymentLinks.Infrastructure.Webhooks;

/// <summary>
/// Which IP addresses are on the public internet. Webhooks go only there, so that no merchant can make this
/// server reach its own machine, its cloud's metadata service or the private network it sits in.
/// </summary>
public static class PublicAddresses
{
    // Special-purpose IPv4 ranges (IANA registry): this network, private, carrier-grade NAT, loopback, link-local
    // (cloud metadata lives at 169.254.169.254), IETF protocol assignments, documentation, 6to4 relay,
    // benchmarking, multicast and reserved, broadcast.
    private static readonly (uint Network, int Bits)[] RefusedV4 =
    [
        (V4(0, 0, 0, 0), 8), (V4(10, 0, 0, 0), 8), (V4(100, 64, 0, 0), 10), (V4(127, 0, 0, 0), 8),
        (V4(169, 254, 0, 0), 16), (V4(172, 16, 0, 0), 12), (V4(192, 0, 0, 0), 24), (V4(192, 0, 2, 0), 24),
        (V4(192, 88, 99, 0), 24), (V4(192, 168, 0, 0), 16), (V4(198, 18, 0, 0), 15), (V4(198, 51, 100, 0), 24),
        (V4(203, 0, 113, 0), 24), (V4(224, 0, 0, 0), 4), (V4(240, 0, 0, 0), 4),
    ];

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            return IsPublic(address.MapToIPv4());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var value = V4(bytes[0], bytes[1], bytes[2], bytes[3]);
        return !RefusedV4.Any(range => (value ^ range.Network) >> (32 - range.Bits) == 0);
    }

    private static bool IsPublicV6(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        // Only global unicast (2000::/3) is public; that excludes ::, ::1, link-local, unique-local and multicast.
        if ((bytes[0] & 0xE0) != 0x20)
            return false;
        // Inside it: addresses that carry an IPv4 address (6to4, NAT64) are as public as that address;
        // Teredo, ORCHID and documentation ranges are not destinations.
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
            return IsPublicV4(new IPAddress(bytes[2..6]));
        if (bytes[..4] is [0x20, 0x01, 0x00, 0x00] or [0x20, 0x01, 0x0d, 0xb8] || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x00 && (bytes[3] & 0xF0) == 0x10))
            return false;
        return true;
    }

    private static uint V4(int a, int b, int c, int d) => (uint)(a << 24 | b << 16 | c << 8 | d);
}
