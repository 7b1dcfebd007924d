namespace ConcurrencyDemo.Workers;

/// <summary>
/// The environment variable that forces one kind of worker process. An environment variable rather than a
/// parameter: it is a test and teaching switch, not part of the cmdlets' interface, and it reaches a CI job
/// or a demo session without changing any command.
/// </summary>
internal static class WorkerHostSetting
{
    public const string VariableName = "CONCURRENCYDEMO_WORKER_HOST";

    public static WorkerHostPreference Read(Func<string, string?> getEnvironmentVariable) =>
        Parse(getEnvironmentVariable(VariableName));

    /// <summary>Unset, empty or "auto": automatic; "dotnet" or "pwsh" in any case; anything else is an error, not a silent default.</summary>
    public static WorkerHostPreference Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => WorkerHostPreference.Automatic,
        "dotnet" => WorkerHostPreference.Dotnet,
        "pwsh" => WorkerHostPreference.Pwsh,
        _ => throw new WorkerHostSettingException(
            $"{VariableName} is '{value}', which is not a kind of worker process. Use 'dotnet', 'pwsh' or 'auto', or remove the variable."),
    };
}
