using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo;

/// <summary>The exception of the non-terminating error a batch cmdlet writes for an item that failed; the run goes on.</summary>
public sealed class ItemFailedException : Exception
{
    public ItemFailedException(string message, ItemResult result) : base(message) => Result = result;

    public ItemResult Result { get; }
}
