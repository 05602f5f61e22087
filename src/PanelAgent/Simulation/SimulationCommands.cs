using System.Diagnostics;
using System.Globalization;
using PanelAgent.Core.Zones;

namespace PanelAgent.Simulation;

/// <summary>
/// The simulation control's line commands (docs/faults.md), run against the simulated board and clock:
/// <c>set ZONE normal|active|tamper|fault</c>, <c>pulse ZONE COUNT INTERVAL_MS</c> (COUNT level changes, alternating
/// from the zone's last set condition, on a schedule so that 1 ms means 1 kHz on average), <c>clock</c>,
/// <c>clock jump SECONDS</c>, <c>clock rate RATE</c>, <c>gpio events off|on</c> and <c>ping</c>. Each answers one line,
/// <c>ok ...</c> or <c>error ...</c>.
/// </summary>
public sealed class SimulationCommands(SimulatedHardwareSource hardware, SimulatedClock clock)
{
    private readonly Dictionary<string, ZoneCondition> _conditions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task<string> RunAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            return line.Split(' ', StringSplitOptions.RemoveEmptyEntries) switch
            {
                ["ping"] => "ok",
                ["set", var zone, var condition] => Set(zone, Condition(condition)),
                ["pulse", var zone, var count, var ms] =>
                    await PulseAsync(zone, Number(count, "COUNT"), TimeSpan.FromMilliseconds(Number(ms, "INTERVAL_MS")), cancellationToken)
                        .ConfigureAwait(false),
                ["clock"] => Clock(),
                ["clock", "jump", var seconds] => Jump(Seconds(seconds)),
                ["clock", "rate", var rate] => Rate(Double(rate, "RATE")),
                ["gpio", "events", "on"] => Events(true),
                ["gpio", "events", "off"] => Events(false),
                _ => "error unknown command (ping, set, pulse, clock, clock jump, clock rate, gpio events)",
            };
        }
        catch (ArgumentException e)
        {
            return $"error {e.Message}";
        }
    }

    private string Set(string zone, ZoneCondition condition)
    {
        lock (_gate)
        {
            hardware.Board.SetZone(zone, condition);
            _conditions[zone] = condition;
        }

        return "ok";
    }

    private async Task<string> PulseAsync(string zone, int count, TimeSpan interval, CancellationToken cancellationToken)
    {
        var clockwatch = Stopwatch.StartNew();
        // A thread of its own: the schedule is kept by waiting on a handle, not by the thread pool's timers.
        await Task.Factory.StartNew(() => Pulse(zone, count, interval, cancellationToken), cancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"ok {count} changes in {clockwatch.Elapsed.TotalSeconds:F3} s");
    }

    private void Pulse(string zone, int count, TimeSpan interval, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 1; i <= count && !cancellationToken.IsCancellationRequested; i++)
        {
            lock (_gate)
            {
                var next = _conditions.GetValueOrDefault(zone) == ZoneCondition.Active ? ZoneCondition.Normal : ZoneCondition.Active;
                hardware.Board.SetZone(zone, next);
                _conditions[zone] = next;
            }

            // Behind schedule: no wait, so the average rate holds even where the wait granularity is about 1 ms.
            var due = interval * i - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                cancellationToken.WaitHandle.WaitOne(due);
            }
        }
    }

    private string Clock() => string.Create(CultureInfo.InvariantCulture, $"ok offset {clock.Offset.TotalSeconds:F3}");

    private string Jump(TimeSpan by)
    {
        clock.Jump(by);
        return Clock();
    }

    private string Rate(double rate)
    {
        if (rate <= 0 || double.IsNaN(rate))
        {
            throw new ArgumentException("RATE must be a positive number");
        }

        clock.SetRate(rate);
        return Clock();
    }

    private string Events(bool on)
    {
        hardware.Board.Driver.EventsEnabled = on;
        return "ok";
    }

    private static ZoneCondition Condition(string text) => text switch
    {
        "normal" => ZoneCondition.Normal,
        "active" => ZoneCondition.Active,
        "tamper" => ZoneCondition.Tamper,
        "fault" => ZoneCondition.Fault,
        _ => throw new ArgumentException("condition must be normal, active, tamper or fault"),
    };

    private static int Number(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number");

    private static double Double(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new ArgumentException($"{name} must be a number");

    private static TimeSpan Seconds(string text)
    {
        var seconds = Double(text, "SECONDS");
        return Math.Abs(seconds) <= TimeSpan.FromDays(3650).TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException("SECONDS must be within ten years");
    }
}
