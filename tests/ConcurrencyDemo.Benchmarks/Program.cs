namespace ConcurrencyDemo.Benchmarks;

/// <summary>
/// Entry point: `dotnet run -c Release --project tests/ConcurrencyDemo.Benchmarks -- COMMAND [options]`.
/// Each command lives in its own class; add new ones to <see cref="Commands"/>.
/// </summary>
public static class Program
{
    private static readonly IReadOnlyDictionary<string, IBenchmarkCommand> Commands =
        new IBenchmarkCommand[] { new DecodeCommand(), new PipelineCommand(), new MemoryCommand() }.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage();
            return args.Length == 0 ? 2 : 0;
        }
        if (!Commands.TryGetValue(args[0], out IBenchmarkCommand? command))
        {
            Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            PrintUsage();
            return 2;
        }
        try
        {
            return command.Run(args[1..]);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static void PrintUsage()
    {
        Console.WriteLine("usage: ConcurrencyDemo.Benchmarks COMMAND [options]");
        foreach (IBenchmarkCommand command in Commands.Values)
            Console.WriteLine($"  {command.Name,-10} {command.Usage}");
    }
}
