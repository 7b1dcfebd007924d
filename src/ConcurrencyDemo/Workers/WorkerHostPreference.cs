namespace ConcurrencyDemo.Workers;

/// <summary>Which kind of worker process the user asked for through <see cref="WorkerHostSetting.VariableName"/>.</summary>
internal enum WorkerHostPreference
{
    /// <summary>The .NET worker program (its native build where the module has one that runs here, else the portable one with a .NET host), otherwise pwsh.</summary>
    Automatic,

    /// <summary>The .NET worker program, or an error saying why it cannot run.</summary>
    Dotnet,

    /// <summary>pwsh importing the module: slower to start, there for testing and teaching.</summary>
    Pwsh,
}
