using Muster.Cli;

return await MusterCli.RunAsync(args, Console.Out, Console.Error);
