using System.Reflection;
using System.Runtime.Versioning;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Module.Tests;

public class ManifestTests
{
    [Fact]
    public void CmdletsToExport_is_exactly_the_cmdlets_in_the_assembly()
    {
        var exported = ModuleFiles.ManifestArray("CmdletsToExport").Order(StringComparer.Ordinal);
        var defined = CmdletMetadata.CmdletTypes.Select(CmdletMetadata.CommandName).Order(StringComparer.Ordinal);
        Assert.Equal(defined, exported);
    }

    [Theory]
    [InlineData("FunctionsToExport")]
    [InlineData("VariablesToExport")]
    [InlineData("AliasesToExport")]
    public void Nothing_but_cmdlets_is_exported(string key)
    {
        // An explicit empty list, not '*': PowerShell then need not load the module to know what it exports.
        Assert.Empty(ModuleFiles.ManifestArray(key));
    }

    [Fact]
    public void RootModule_is_the_module_assembly()
    {
        Assert.Equal(Path.GetFileName(ModuleFiles.ModuleAssembly.Location), ModuleFiles.ManifestString("RootModule"));
    }

    [Fact]
    public void ModuleVersion_matches_the_assembly_version()
    {
        var version = ModuleFiles.ModuleAssembly.GetName().Version!;
        Assert.Equal($"{version.Major}.{version.Minor}.{version.Build}", ModuleFiles.ManifestString("ModuleVersion"));
    }

    [Fact]
    public void The_manifest_has_a_fixed_guid_and_the_gallery_fields()
    {
        Assert.True(Guid.TryParse(ModuleFiles.ManifestString("GUID"), out var guid) && guid != Guid.Empty);
        foreach (string key in new[] { "Author", "CompanyName", "Copyright", "Description" })
            Assert.False(string.IsNullOrWhiteSpace(ModuleFiles.ManifestString(key)), $"{key} is empty.");
        foreach (string tag in new[] { "PSEdition_Core", "Linux", "Windows", "MacOS" })
            Assert.Contains(tag, ModuleFiles.ManifestArray("Tags"));
    }

    [Fact]
    public void The_manifest_asks_for_the_PowerShell_whose_runtime_the_assembly_targets()
    {
        // PowerShell 7.4 runs on .NET 8: an assembly built for a later .NET would not load in it.
        Assert.Equal("7.4", ModuleFiles.ManifestString("PowerShellVersion"));
        Assert.Equal(new[] { "Core" }, ModuleFiles.ManifestArray("CompatiblePSEditions"));
        var framework = ModuleFiles.ModuleAssembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        Assert.Equal(".NETCoreApp,Version=v8.0", framework);
    }

    [Fact]
    public void Every_file_the_manifest_names_is_in_the_module_output()
    {
        var named = ModuleFiles.ManifestArray("FormatsToProcess")
            .Concat(ModuleFiles.ManifestArray("RequiredAssemblies"))
            .Append(ModuleFiles.ManifestString("RootModule"))
            .ToList();
        Assert.Contains("ConcurrencyDemo.Format.ps1xml", named);
        foreach (string file in named)
            Assert.True(File.Exists(Path.Combine(ModuleFiles.OutputDirectory, file)), $"{file} is not in {ModuleFiles.OutputDirectory}.");
    }

    [Fact]
    public void Every_format_file_is_in_the_source_tree()
    {
        foreach (string file in ModuleFiles.ManifestArray("FormatsToProcess"))
            Assert.True(File.Exists(Path.Combine(ModuleFiles.SourceDirectory, file)), $"{file} is not in src/ConcurrencyDemo.");
    }

    [Fact]
    public void The_output_folder_holds_the_current_views()
    {
        Assert.Equal(File.ReadAllText(ModuleFiles.FormatFilePath), File.ReadAllText(Path.Combine(ModuleFiles.OutputDirectory, "ConcurrencyDemo.Format.ps1xml")));
    }

    [Fact]
    public void The_source_manifest_imports_only_as_a_stand_in_that_says_to_build()
    {
        // A clone has no ConcurrencyDemo.dll, so the source manifest must name files that exist there.
        var match = System.Text.RegularExpressions.Regex.Match(ModuleFiles.SourceManifestText, @"(?m)^\s*RootModule\s*=\s*'([^']*)'");
        Assert.True(match.Success);
        string standIn = Path.Combine(TestPaths.RepositoryRoot, match.Groups[1].Value);
        Assert.True(File.Exists(standIn), $"{standIn} does not exist.");
        Assert.Contains("build.ps1 Build", File.ReadAllText(standIn));
        Assert.DoesNotMatch(@"(?m)^\s*(FormatsToProcess|RequiredAssemblies)\s*=", ModuleFiles.SourceManifestText);
    }

    [Fact]
    public void The_manifest_names_files_without_folders_or_backslashes()
    {
        // Paths in the manifest are relative to the module folder; a backslash breaks them on Linux and macOS.
        Assert.DoesNotContain("\\", ModuleFiles.ManifestText);
    }
}
