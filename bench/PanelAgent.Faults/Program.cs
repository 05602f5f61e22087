using PanelAgent.Faults;

return await FaultProgram.RunAsync(args, Console.Out, Console.Error);
