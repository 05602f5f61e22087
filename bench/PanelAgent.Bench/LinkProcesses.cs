using System.Diagnostics;
using System.Globalization;

namespace PanelAgent.Bench;

/// <summary>
/// The memory figure of the link: a real panel-agent (<c>--simulate</c>, the link config) and a real panel-station
/// (built beside the bench by its project reference) on the benchmark's broker, measured 5 s after the agent is ready,
/// with the link connected.
/// </summary>
internal static class LinkProcesses
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static async Task<(long AgentKb, long StationKb)> MeasureRssAsync(
        string agentPath, LinkWorld world, string agentDirectory, string stationDatabase)
    {
        var stationDll = Path.Combine(AppContext.BaseDirectory, "panel-station.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { stationDll, "--config", world.WriteStationConfig("station-rss", stationDatabase) })
        {
            info.ArgumentList.Add(arg);
        }

        using var station = Process.Start(info) ?? throw new InvalidOperationException("panel-station did not start");
        station.OutputDataReceived += (_, _) => { };
        station.ErrorDataReceived += (_, _) => { };
        station.BeginOutputReadLine();
        station.BeginErrorReadLine();
        try
        {
            using var agent = AgentProcess.Start(agentPath, world.PanelConfigPath, agentDirectory);
            agent.WaitReadyMs(s_timeout);
            // A fresh panel has nothing to send; a few seconds cover the link's connect, subscribe and first pings.
            await Task.Delay(TimeSpan.FromSeconds(5));
            if (station.HasExited)
            {
                throw new InvalidOperationException($"panel-station exited with {station.ExitCode}");
            }

            return (agent.RssKb(), RssKb(station.Id));
        }
        finally
        {
            station.Kill();
            await station.WaitForExitAsync();
        }
    }

    private static long RssKb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
