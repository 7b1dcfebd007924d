using ConcurrencyDemo.Engine.WorkerProcesses;

namespace ConcurrencyDemo.Workers;

/// <summary>
/// The worker program compiled to native code (Native AOT) by build.ps1, for the building machine's platform and each
/// instruction set its processor runs, in native/&lt;rid&gt;-&lt;instruction set&gt; (as native/linux-x64-avx512 and
/// native/linux-x64-avx2). It needs no .NET host, is
/// ready in a few milliseconds and compiles nothing as it runs, so Process mode's workers pay for being processes
/// and not for our start-up. It only runs where its platform and instruction set do, which the folder name says.
/// </summary>
internal static class NativeWorker
{
    /// <summary>The folder, beside the module assembly, of the native copies of the worker.</summary>
    public const string FolderName = "native";

    public static string ProgramFileName(bool isWindows) => isWindows ? "ConcurrencyDemo.Worker.exe" : "ConcurrencyDemo.Worker";

    /// <summary>
    /// The native worker for this platform and the widest instruction set this processor runs, or null when the module
    /// has none that fits.
    /// </summary>
    public static NativeProgram? Find(MachineFacts machine, string moduleAssemblyPath)
    {
        string folder = Path.Combine(DotnetWorker.ModuleDirectory(moduleAssemblyPath), FolderName);
        foreach (string instructionSet in machine.InstructionSets)
        {
            string program = Path.Combine(folder, $"{machine.RuntimeIdentifier}-{instructionSet}", ProgramFileName(machine.IsWindows));
            if (machine.FileExists(program))
                return new NativeProgram(program, instructionSet);
        }
        return null;
    }

    /// <summary>The program itself is the command: no host, no arguments.</summary>
    public static WorkerCommand CreateCommand(string programPath) => new(programPath, [], WorkerHostKind.Dotnet);
}

/// <summary>A native worker found in the module folder, and the instruction set it was compiled for.</summary>
internal sealed record NativeProgram(string Path, string InstructionSet);
