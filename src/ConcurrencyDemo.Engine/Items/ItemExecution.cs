using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Engine.Items;

/// <summary>
/// Runs one item and records how it ended, the same way wherever it runs: on a thread or a task of this
/// process, or inside a worker process.
/// </summary>
public static class ItemExecution
{
    public static void Run(Workload workload, int index, ItemResult result, ItemContext context)
    {
        try
        {
            workload.Execute(index, result, context);
            Succeed(result);
        }
        catch (Exception ex)
        {
            Fail(result, ex);
        }
    }

    public static async Task RunAsync(Workload workload, int index, ItemResult result, ItemContext context)
    {
        try
        {
            await workload.ExecuteAsync(index, result, context).ConfigureAwait(false);
            Succeed(result);
        }
        catch (Exception ex)
        {
            Fail(result, ex);
        }
    }

    public static void Fail(ItemResult result, FailureKind kind, string message)
    {
        result.Success = false;
        result.Failure = kind;
        result.Error = message;
    }

    private static void Succeed(ItemResult result)
    {
        result.Success = true;
        result.Failure = FailureKind.None;
        result.Error = "";
    }

    private static void Fail(ItemResult result, Exception ex)
    {
        switch (ex)
        {
            case ItemFailureException failure:
                Fail(result, failure.Kind, failure.Message);
                break;
            case OperationCanceledException:
                Fail(result, FailureKind.Cancelled, "Cancelled.");
                break;
            default:
                Fail(result, FailureKind.Unexpected, ex.Message);
                break;
        }
    }
}
