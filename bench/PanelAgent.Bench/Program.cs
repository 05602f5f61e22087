using PanelAgent.Bench;

var parsed = BenchArguments.Parse(args, out var error);
if (parsed is null)
{
    Console.Error.WriteLine($"panel-bench: {error}\n{BenchArguments.Usage}");
    return 2;
}

var report = new Report(parsed.Area);
try
{
    if (parsed.Area == "link")
    {
        new LinkBench(parsed, report, Console.Error).Run();
    }
    else if (parsed.Area == "panelctl")
    {
        new PanelCtlBench(parsed, report, Console.Error).Run();
    }
    else if (parsed.Area == "images")
    {
        new ImagesBench(parsed, report, Console.Error).Run();
    }
    else if (parsed.Area == "release")
    {
        new ReleaseBench(parsed, report, Console.Error).Run();
    }
    else
    {
        new CoreBench(parsed, report, Console.Error).Run();
    }
}
catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
{
    // A benchmark that could not measure says why; it never fails on a figure (STYLE.md §6).
    Console.Error.WriteLine($"panel-bench: {ex.Message}");
    Console.Error.WriteLine(ex.StackTrace);
    return 1;
}

report.Write(Console.Out, Console.Error, parsed.Json);
return 0;
