using System.Buffers.Binary;
using System.Net.Sockets;

namespace PanelAgent.Diagnostics;

/// <summary>
/// Who is on the other end of a Unix socket, as the kernel says (unix(7) SO_PEERCRED; SO_PEERGROUPS since Linux
/// 4.13): taken when the peer connected, so it cannot be faked by what the peer sends.
/// </summary>
public sealed record PeerCredentials(int Pid, uint Uid, uint Gid, IReadOnlyList<uint> Groups)
{
    // asm-generic/socket.h: the same numbers on x86-64 and arm64.
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;
    private const int SoPeerGroups = 59;

    /// <exception cref="SocketException">The socket has no peer credentials (not a connected Unix socket).</exception>
    public static PeerCredentials Of(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        Span<byte> ucred = stackalloc byte[12];
        var length = socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred);
        if (length < 12)
        {
            throw new SocketException((int)SocketError.ProtocolNotSupported);
        }

        return new PeerCredentials(
            BinaryPrimitives.ReadInt32LittleEndian(ucred),
            BinaryPrimitives.ReadUInt32LittleEndian(ucred[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(ucred[8..]),
            SupplementaryGroups(socket));
    }

    /// <summary>The peer's supplementary groups, or none when the kernel cannot say (then /etc/group decides).</summary>
    private static uint[] SupplementaryGroups(Socket socket)
    {
        var buffer = new byte[4 * 256];
        try
        {
            var length = socket.GetRawSocketOption(SolSocket, SoPeerGroups, buffer);
            var groups = new uint[length / 4];
            for (var i = 0; i < groups.Length; i++)
            {
                groups[i] = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i * 4));
            }

            return groups;
        }
        catch (SocketException)
        {
            return [];
        }
    }
}
