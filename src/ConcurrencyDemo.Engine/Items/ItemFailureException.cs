namespace ConcurrencyDemo.Engine.Items;

/// <summary>What a workload throws for an item that failed in a way it can name (see <see cref="FailureKind"/>).</summary>
public sealed class ItemFailureException : Exception
{
    public ItemFailureException(FailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    public FailureKind Kind { get; }
}
