using PanelAgent.Fleet;

// panel-fleet: the fleet figures of issue 7 §3 (docs/fleet.md). Exit codes: 0 every event delivered, 1 an event was
// lost (or one station printed an event twice), 64 usage, 70 the fleet could not be set up (broker, stations, connects).
var arguments = FleetArguments.Parse(args, out var error);
if (arguments is null)
{
    Console.Error.WriteLine($"panel-fleet: {error}\n{FleetArguments.Usage}");
    return 64;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

IReadOnlyList<FleetResult> results;
try
{
    results = await FleetRunner.RunAsync(arguments.Settings, Console.Error, stop.Token);
}
catch (FleetException e)
{
    Console.Error.WriteLine($"panel-fleet: {e.Message}");
    return 70;
}

if (arguments.Json)
{
    foreach (var line in FleetReport.Json(results))
    {
        Console.WriteLine(line);
    }
}
else
{
    Console.WriteLine(FleetReport.Table(results));
}

var lost = results.Sum(r => r.Lost);
var repeated = results.Sum(r => r.RepeatedByStation);
if (lost > 0 || repeated > 0)
{
    Console.Error.WriteLine($"panel-fleet: {lost} events lost, {repeated} printed twice by one station");
    return 1;
}

return 0;
