using PanelAgent.Broker;

return await BrokerProgram.RunAsync(args, Console.Error);
