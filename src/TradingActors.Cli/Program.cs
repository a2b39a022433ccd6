using TradingActors.Cli;

return TradingActorsCommand.Run(args, Console.Out, Console.Error);
