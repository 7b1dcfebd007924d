namespace ConcurrencyDemo.Engine.Items;

/// <summary>What a running item may use: its cancellation and a way to say what it is doing.</summary>
public sealed class ItemContext
{
    private readonly Action<string> _log;

    public ItemContext(int index, CancellationToken cancellationToken, Action<string> log)
    {
        Index = index;
        CancellationToken = cancellationToken;
        _log = log;
    }

    public int Index { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Sends a line to the front end (verbose output in PowerShell); safe from any thread.</summary>
    public void Log(string message) => _log(message);
}
