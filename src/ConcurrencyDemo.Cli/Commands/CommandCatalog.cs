namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// Every verb the CLI knows, in the order the help lists them. A new command (convert, download, bench)
/// is one new ICliCommand file plus one line here.
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new SleepCommand(),
        new ConvertCommand(),
        // new DownloadCommand(),  planned: fetch URLs (I/O-bound)
        // new BenchCommand(),     planned: run a workload in every mode and print only the comparison
        new WorkerLoopCommand(),
    ];

    public static ICliCommand? Find(string name) =>
        All.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
