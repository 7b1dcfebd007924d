using ConcurrencyDemo.Cli;

return CliApplication.Run(args);
