using System.Reflection;
using System.Text.RegularExpressions;
using ConcurrencyDemo.Tests.Common;
using ConcurrencyDemo.Commands;

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

    public static string SourceManifestText => File.ReadAllText(ManifestPath);

    /// <summary>
    /// The manifest as build.ps1 stages it: the source tree's stand-in RootModule line dropped and the lines
    /// marked '#staged ' kept. The Pester tests check the real staged file; these check the rule.
    /// </summary>
    public static string ManifestText => string.Join('\n', SourceManifestText.Split('\n')
        .Where(line => !Regex.IsMatch(line, @"^\s*RootModule\s*=\s*'build/SourceTreeModule\.psm1'"))
        .Select(line => Regex.Replace(line, @"^(\s*)#staged ", "$1")));

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
