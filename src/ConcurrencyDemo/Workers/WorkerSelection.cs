namespace ConcurrencyDemo.Workers;

/// <summary>
/// Chooses how Process mode starts its workers from inside PowerShell. A worker needs the engine, not PowerShell:
/// the worker program compiled natively for this platform and processor is ready in a few milliseconds, the portable
/// one run by a .NET host in well under a second, where a pwsh that imports the module takes about one, and several
/// at once compete for the same cores. So the native worker comes first, then the portable one, and pwsh is only the
/// fallback, for a machine with no .NET host that can run the program, or when the user forces it.
/// </summary>
internal static class WorkerSelection
{
    public static ChosenWorker Choose(MachineFacts machine, string moduleAssemblyPath, string? psHome)
    {
        var preference = WorkerHostSetting.Read(machine.GetEnvironmentVariable);
        if (preference == WorkerHostPreference.Pwsh)
            return Pwsh(machine, moduleAssemblyPath, psHome, $"{WorkerHostSetting.VariableName} is 'pwsh'");

        string Insisted(string reason) =>
            preference == WorkerHostPreference.Dotnet ? $"{WorkerHostSetting.VariableName} is 'dotnet' and {reason}" : reason;

        // Why the native worker is not used, when the module has one for this machine.
        string? nativeProblem = null;
        if (NativeWorker.Find(machine, moduleAssemblyPath) is { } native)
        {
            // A package's archive keeps no file permissions, so a module installed from one (Install-PSResource) has a
            // native worker that may not be run until it gets its execute permission back, which its owner can give it.
            bool executable = machine.IsExecutable(native.Path);
            bool permissionGivenBack = !executable && machine.TryMakeExecutable(native.Path);
            if (!executable && !permissionGivenBack)
                nativeProblem = $"the native worker {native.Path} has no execute permission, which could not be given back";
            else if (machine.WhyNativeWorkerCannotRun(native.Path) is { } why)
                nativeProblem = $"the native worker {native.Path} does not run here ({why})";
            else
            {
                string compiled = $"the module has the worker compiled natively for {machine.RuntimeIdentifier} and {native.InstructionSet}, which this processor runs";
                if (permissionGivenBack)
                    compiled += " (its execute permission, which the package had not kept, was given back)";
                return new ChosenWorker(NativeWorker.CreateCommand(native.Path), native.Path, Insisted(compiled));
            }
        }

        string? program = DotnetWorker.FindProgram(moduleAssemblyPath, machine.FileExists);
        var host = program is null ? null : DotnetHostLocator.Find(machine);
        string besidesNative = nativeProblem is null ? "" : $", and {nativeProblem}";
        if (program is not null && host is not null)
            return new ChosenWorker(
                DotnetWorker.CreateCommand(host.Path, program),
                $"{host.Path} running {program}",
                Insisted($"the .NET host was found as {host.FoundAs}{besidesNative}"));

        string whyNotDotnet = (program is null
            ? $"{DotnetWorker.ProgramFileName} or {DotnetWorker.RuntimeConfigFileName} is missing from {DotnetWorker.ModuleDirectory(moduleAssemblyPath)}"
            : $"no .NET host with a runtime {DotnetHostLocator.LowestRuntimeMajorVersion} or later was found " +
              "(PowerShell does not run on one, and there is none in DOTNET_ROOT or on PATH)") + besidesNative;
        if (preference == WorkerHostPreference.Dotnet)
            throw new WorkerHostSettingException($"{WorkerHostSetting.VariableName} is 'dotnet', but {whyNotDotnet}.");
        return Pwsh(machine, moduleAssemblyPath, psHome, whyNotDotnet);
    }

    private static ChosenWorker Pwsh(MachineFacts machine, string moduleAssemblyPath, string? psHome, string reason)
    {
        string executable = PowerShellWorker.FindExecutable(machine.ProcessPath, psHome, machine.FileExists);
        string module = PowerShellWorker.ModuleToImport(moduleAssemblyPath, machine.FileExists);
        return new ChosenWorker(PowerShellWorker.CreateCommand(executable, module), $"{executable} importing {module}", reason);
    }
}
