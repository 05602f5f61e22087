using PanelAgent.Hil;

// panel-hil run FILE|DIR... [--junit PATH] [--timeline]; see HilArguments.Usage and ExitCodes.
return await HilCommand.RunAsync(args, Console.Out, Console.Error, TargetFactories.Simulation,
    Environment.CurrentDirectory, CancellationToken.None);
