using System.Reflection;
using System.Text.RegularExpressions;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Module.Tests;

/// <summary>Where the module's source files and its built output are, and what the manifest says.</summary>
public static class ModuleFiles
{
    public static Assembly ModuleAssembly => typeof(InvokeSleepDemoCommand).Assembly;

    public static string SourceDirectory => Path.Combine(TestPaths.RepositoryRoot, "src", "ConcurrencyDemo");

    public static string ManifestPath => Path.Combine(TestPaths.RepositoryRoot, "ConcurrencyDemo.psd1");

    public static string FormatFilePath => Path.Combine(SourceDirectory, "ConcurrencyDemo.Format.ps1xml");

    /// <summary>bin/&lt;Configuration&gt;/net8.0 of the module project, the folder the build makes importable.</summary>
    public static string OutputDirectory
    {
        get
        {
            string? path = typeof(ModuleFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "ModuleOutputDirectory")?.Value;
            Assert.False(string.IsNullOrEmpty(path), "The test project must say where the module is built (ModuleOutputDirectory).");
            string full = Path.GetFullPath(path!);
            Assert.True(Directory.Exists(full), $"The module output folder {full} does not exist: build src/ConcurrencyDemo first.");
            return full;
        }
    }

    public static string ManifestText => File.ReadAllText(ManifestPath);

    /// <summary>A manifest key's single-quoted string value, e.g. RootModule = 'ConcurrencyDemo.dll'.</summary>
    public static string ManifestString(string key)
    {
        var match = Regex.Match(WithoutComments(ManifestText), $@"(?m)^\s*{key}\s*=\s*'([^']*)'");
        Assert.True(match.Success, $"The manifest has no {key} = '...' entry.");
        return match.Groups[1].Value;
    }

    /// <summary>A manifest key's @('a', 'b') value; @() gives an empty list.</summary>
    public static IReadOnlyList<string> ManifestArray(string key)
    {
        var match = Regex.Match(WithoutComments(ManifestText), $@"(?m)^\s*{key}\s*=\s*@\(([^)]*)\)");
        Assert.True(match.Success, $"The manifest has no {key} = @(...) entry.");
        return Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
    }

    private static string WithoutComments(string text) => Regex.Replace(text, @"(?m)#.*$", "");
}
