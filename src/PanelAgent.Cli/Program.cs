return await PanelAgent.Cli.PanelCtl.RunAsync(args, Console.Out, Console.Error, Console.In).ConfigureAwait(false);
