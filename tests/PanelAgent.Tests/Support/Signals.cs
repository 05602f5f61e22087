using System.Runtime.InteropServices;

namespace PanelAgent.Tests.Support;

/// <summary>kill(2): .NET can send SIGKILL (<see cref="System.Diagnostics.Process.Kill()"/>) but not SIGTERM.</summary>
internal static partial class Signals
{
    public const int Term = 15;

    public static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException(
                $"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
