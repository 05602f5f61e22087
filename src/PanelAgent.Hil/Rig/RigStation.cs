using System.Security.Cryptography;
using PanelAgent.Core.Events;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Station.Commands;
using PanelAgent.Station.Configuration;
using PanelAgent.Station.Mqtt;

namespace PanelAgent.Hil.Rig;

/// <summary>
/// The rig's view of the panel from the station side: the reference <see cref="PanelStation"/> in-process (it opens
/// the sealed events with the station's keys, de-duplicates and acknowledges them) under its own client id and share
/// group, so it hears every event even beside a running station; and the signed station commands
/// (<see cref="StationCommandSender"/>) the rig arms, disarms and asks the panel's state with.
/// </summary>
internal sealed class RigStation : IAsyncDisposable
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(20);

    private readonly StationOptions _options;
    private readonly PanelStation _station;
    private readonly StationLineSink _sink;
    private readonly string _panelId;
    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly TextWriter _diagnostics;

    private RigStation(StationOptions options, string panelId, string directory, TimeProvider time, TextWriter diagnostics, TimeSpan holeTimeout)
    {
        _options = options;
        _panelId = panelId;
        _directory = directory;
        _time = time;
        _diagnostics = diagnostics;
        _sink = new StationLineSink(panelId, new EventOrder(time, holeTimeout));
        _station = PanelStation.Create(options, _sink, diagnostics, time);
    }

    /// <summary>Events of the panel in sequence order (see <see cref="EventOrder"/>).</summary>
    public IReadOnlyList<PanelEvent> Events => _sink.Order.Released();

    /// <summary>Starts the station on the map's broker and waits for its subscription.</summary>
    public static async Task<RigStation> StartAsync(RigMap map, TimeProvider time, TextWriter diagnostics, CancellationToken ct)
    {
        StationOptions configured;
        try
        {
            configured = StationConfigLoader.Load(map.StationConfigPath);
        }
        catch (StationConfigException ex)
        {
            throw new RigMapException(map.Source, "$.station", ex.Message);
        }

        // Its own database (de-duplication, sealing epoch), client id and share group: the rig must not take events
        // away from a station that shares the broker, nor its MQTT session.
        var directory = Directory.CreateTempSubdirectory("panel-hil-rig-").FullName;
        var options = configured with
        {
            ClientId = configured.ClientId + "-rig",
            ShareGroup = "rig",
            Database = Path.Combine(directory, "rig-station.db"),
            Supervise = false,
        };
        RigStation? station = null;
        try
        {
            station = new RigStation(options, map.PanelId, directory, time, diagnostics, map.CommandTimeout);
            station._station.Start();
            await station._station.Subscribed.WaitAsync(map.CommandTimeout, ct);
            return station;
        }
        catch
        {
            // Not left running: the next scenario would start a second station under the same client id, and the two
            // would take the MQTT session from each other.
            if (station is not null)
            {
                await station.DisposeAsync();
            }
            else
            {
                Directory.Delete(directory, recursive: true);
            }

            throw;
        }
    }

    /// <summary>
    /// Sends a signed command and waits for the panel's answer (<c>command.accepted</c> or <c>command.refused</c>
    /// with <c>NAME:ID</c> in its detail), which the panel persists and sends like any event. A command the broker took
    /// while the panel was not subscribed is gone (QoS 1, clean session), so an unanswered command is sent again, under
    /// a new id, every fifth of <paramref name="timeout"/>; a second arm is refused by the panel, harmlessly.
    /// </summary>
    public async Task<PanelEvent> CommandAsync(string name, string? mode, TimeSpan timeout, CancellationToken ct)
    {
        var prefixes = new List<string>();
        var deadline = _time.GetUtcNow() + timeout;
        var resendAt = DateTimeOffset.MinValue;
        while (true)
        {
            if (_time.GetUtcNow() >= resendAt)
            {
                prefixes.Add(await SendAsync(name, mode));
                resendAt = _time.GetUtcNow() + (timeout / 5);
            }

            var answer = _sink.Order.Arrived().FirstOrDefault(e =>
                e.Kind is EventKinds.CommandAccepted or EventKinds.CommandRefused && e.Detail is { } d
                && prefixes.Any(p => d == p || d.StartsWith(p + ":", StringComparison.Ordinal)));
            if (answer is not null)
            {
                return answer;
            }

            if (_time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"the panel did not answer the {name} command within {timeout}");
            }

            await Task.Delay(s_poll, TimeProvider.System, ct);
        }
    }

    private async Task<string> SendAsync(string name, string? mode)
    {
        var command = new CommandPayload("rig-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), name, mode);
        if (!await StationCommandSender.SendAsync(_options, _panelId, command, _diagnostics, _time))
        {
            throw new InvalidOperationException($"the broker did not take the {name} command (see the diagnostics above)");
        }

        return $"{name}:{command.Id}";
    }

    public async ValueTask DisposeAsync()
    {
        await _station.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
