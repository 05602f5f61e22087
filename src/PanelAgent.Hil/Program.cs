using PanelAgent.Hil;

// panel-hil run FILE|DIR... [--target sim|rig --rig MAP] [--junit PATH] [--timeline]; see HilArguments.Usage and ExitCodes.
return await HilCommand.RunAsync(args, Console.Out, Console.Error, TargetFactories.Select,
    Environment.CurrentDirectory, CancellationToken.None);
