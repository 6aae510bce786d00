using System.Buffers;
using System.Net;
using System.Security.Cryptography;

namespace MomentoTokenVending.Core.Vending;

/// <summary>
/// The key a caller's tokens are cached and single-flighted under: SHA-256 (lower-case hex) of the
/// source address's bytes and the scope descriptor, so the raw IP is never stored.
/// </summary>
internal static class CallerKey
{
    private const int StackLimit = 512;

    public static string Compute(IPAddress sourceIp, ReadOnlySpan<byte> scopeDescriptor)
    {
        Span<byte> address = stackalloc byte[16];
        if (!sourceIp.TryWriteBytes(address, out var addressLength))
        {
            throw new ArgumentException("The address has more than 16 bytes.", nameof(sourceIp));
        }

        // One length byte in front of the address keeps (address, descriptor) pairs from colliding.
        var length = 1 + addressLength + scopeDescriptor.Length;
        byte[]? rented = null;
        var input = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            input[0] = (byte)addressLength;
            address[..addressLength].CopyTo(input[1..]);
            scopeDescriptor.CopyTo(input[(1 + addressLength)..]);

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(input, hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
