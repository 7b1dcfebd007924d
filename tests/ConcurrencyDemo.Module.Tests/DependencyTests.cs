using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace ConcurrencyDemo.Module.Tests;

/// <summary>
/// The module ships only our own assemblies: PowerShell loads every module into one process, so a third-party
/// dll could clash with another module's copy, and the PowerShellStandard stub would shadow the real engine.
/// </summary>
public class DependencyTests
{
    private const string PowerShellAssembly = "System.Management.Automation";

    private static bool IsOurs(string name) => name == "ConcurrencyDemo" || name.StartsWith("ConcurrencyDemo.", StringComparison.Ordinal);

    /// <summary>Part of .NET itself: the runtime the tests run on ships it (a NuGet-only Microsoft.* package is not).</summary>
    private static bool IsFramework(string name) =>
        (name is "netstandard" or "mscorlib" or "System" || name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal))
        && File.Exists(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), name + ".dll"));

    private static IReadOnlyList<string> References(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }

    [Fact]
    public void The_dependency_closure_is_our_assemblies_the_framework_and_PowerShell()
    {
        string folder = ModuleFiles.OutputDirectory;
        var seen = new HashSet<string>();
        // The worker program is an entry point of its own: a process that has no PowerShell to lend it anything.
        var pending = new Queue<string>(["ConcurrencyDemo", "ConcurrencyDemo.Worker"]);
        var offenders = new List<string>();
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name)) continue;
            string path = Path.Combine(folder, name + ".dll");
            Assert.True(File.Exists(path), $"{name}.dll is referenced but not in the module folder.");
            foreach (string reference in References(path))
            {
                if (IsOurs(reference)) pending.Enqueue(reference);
                else if (reference != PowerShellAssembly && !IsFramework(reference)) offenders.Add($"{name} -> {reference}");
            }
        }
        Assert.Contains("ConcurrencyDemo.Engine", seen);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Only_the_module_assembly_references_PowerShell()
    {
        Assert.Contains(PowerShellAssembly, References(Path.Combine(ModuleFiles.OutputDirectory, "ConcurrencyDemo.dll")));
        // The engine must stay usable without PowerShell (the CLI, the tests, the worker program).
        Assert.DoesNotContain(PowerShellAssembly, References(Path.Combine(ModuleFiles.OutputDirectory, "ConcurrencyDemo.Engine.dll")));
        Assert.DoesNotContain(PowerShellAssembly, References(Path.Combine(ModuleFiles.OutputDirectory, "ConcurrencyDemo.Worker.dll")));
    }

    [Fact]
    public void The_module_folder_holds_no_PowerShell_stub_and_no_third_party_assembly()
    {
        var assemblies = Directory.GetFiles(ModuleFiles.OutputDirectory, "*.dll").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Contains("ConcurrencyDemo", assemblies);
        Assert.DoesNotContain(PowerShellAssembly, assemblies);
        Assert.DoesNotContain(assemblies, a => !IsOurs(a!));
    }
}
