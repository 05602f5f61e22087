using PanelAgent;

return await AgentProgram.RunAsync(args).ConfigureAwait(false);
