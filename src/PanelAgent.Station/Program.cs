using PanelAgent.Station;

return await StationProgram.RunAsync(args, Console.Out, Console.Error);
