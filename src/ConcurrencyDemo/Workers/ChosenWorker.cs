using ConcurrencyDemo.Engine.WorkerProcesses;

namespace ConcurrencyDemo.Workers;

/// <summary>The command that starts each worker process, with words for -Debug: what it is and why it was chosen.</summary>
/// <param name="Command">The program and arguments the engine starts.</param>
/// <param name="Description">"/usr/share/dotnet/dotnet running /mods/ConcurrencyDemo/ConcurrencyDemo.Worker.dll"; not the command line, whose pwsh form is an unreadable encoded script.</param>
/// <param name="Reason">"the .NET host is the process running PowerShell".</param>
internal sealed record ChosenWorker(WorkerCommand Command, string Description, string Reason);
