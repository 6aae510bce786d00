using System.Net;
using System.Text;
using CsCheck;
using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.Core.Tests.Vending;

public sealed class CallerKeyTests
{
    private static readonly byte[] Scope = Encoding.UTF8.GetBytes("subscribe-only|5:cache|*");

    [Fact]
    public void Compute_SameInput_SameLowerHexSha256()
    {
        var key = CallerKey.Compute(IPAddress.Parse("203.0.113.7"), Scope);

        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.Equal(key, CallerKey.Compute(IPAddress.Parse("203.0.113.7"), Scope));
    }

    [Fact]
    public void Compute_KnownInput_HashesLengthAddressAndDescriptor()
    {
        // SHA-256 of 0x04 0xCB 0x00 0x71 0x07 followed by the descriptor's UTF-8 bytes.
        byte[] input = [4, 203, 0, 113, 7, .. Scope];

        var key = CallerKey.Compute(IPAddress.Parse("203.0.113.7"), Scope);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input)), key);
    }

    [Fact]
    public void Compute_LongDescriptor_HashesPastTheStackBuffer()
    {
        var longScope = Encoding.UTF8.GetBytes(new string('x', 2000));

        Assert.NotEqual(
            CallerKey.Compute(IPAddress.Loopback, longScope),
            CallerKey.Compute(IPAddress.Loopback, [.. longScope, (byte)'y']));
    }

    [Fact]
    public void Compute_DistinctAddressesOrScopes_DistinctKeys()
    {
        var address = Gen.Select(Gen.Bool, Gen.Byte.Array[4], Gen.Byte.Array[16])
            .Select((v6, four, sixteen) => new IPAddress(v6 ? sixteen : four));
        var scope = Gen.Byte.Array[0, 40];

        Gen.Select(address, scope, address, scope).Sample((ip1, scope1, ip2, scope2) =>
        {
            var sameInput = ip1.Equals(ip2) && scope1.AsSpan().SequenceEqual(scope2);
            return sameInput == (CallerKey.Compute(ip1, scope1) == CallerKey.Compute(ip2, scope2));
        });
    }

    [Fact]
    public void Compute_Ipv4AndItsIpv6Mapping_DistinctKeys()
    {
        var v4 = IPAddress.Parse("203.0.113.7");

        Assert.NotEqual(CallerKey.Compute(v4, Scope), CallerKey.Compute(v4.MapToIPv6(), Scope));
    }
}
