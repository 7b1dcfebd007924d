using System.Text;
using ConcurrencyDemo.Workers;

namespace ConcurrencyDemo.Module.Tests;

public class PowerShellWorkerTests
{
    private static readonly string Root = OperatingSystem.IsWindows() ? @"C:\ps" : "/opt/ps";
    private static readonly string ModuleFolder = OperatingSystem.IsWindows() ? @"C:\mods\ConcurrencyDemo" : "/mods/ConcurrencyDemo";

    [Theory]
    [InlineData("pwsh")]
    [InlineData("pwsh.exe")]
    [InlineData("PWSH.EXE")]
    public void The_running_pwsh_starts_the_workers(string fileName)
    {
        string processPath = Path.Combine(Root, fileName);
        Assert.Equal(processPath, PowerShellWorker.FindExecutable(processPath, psHome: "/elsewhere", fileExists: _ => true));
    }

    [Fact]
    public void Inside_another_host_the_pwsh_in_PSHOME_starts_the_workers()
    {
        string expected = Path.Combine(Root, "pwsh");
        Assert.Equal(expected, PowerShellWorker.FindExecutable("/usr/bin/dotnet", Root, fileExists: p => p == expected));
    }

    [Fact]
    public void Without_any_known_pwsh_the_one_on_PATH_is_used()
    {
        Assert.Equal("pwsh", PowerShellWorker.FindExecutable("/usr/bin/testhost", Root, fileExists: _ => false));
        Assert.Equal("pwsh", PowerShellWorker.FindExecutable(null, null, fileExists: _ => true));
    }

    [Fact]
    public void Workers_import_the_manifest_beside_the_assembly()
    {
        string assembly = Path.Combine(ModuleFolder, "ConcurrencyDemo.dll");
        string manifest = Path.Combine(ModuleFolder, "ConcurrencyDemo.psd1");
        Assert.Equal(manifest, PowerShellWorker.ModuleToImport(assembly, fileExists: p => p == manifest));
    }

    [Fact]
    public void Without_a_manifest_workers_import_the_assembly()
    {
        string assembly = Path.Combine(ModuleFolder, "ConcurrencyDemo.dll");
        Assert.Equal(assembly, PowerShellWorker.ModuleToImport(assembly, fileExists: _ => false));
    }

    [Fact]
    public void The_worker_command_runs_pwsh_quietly_and_imports_the_module_by_full_path()
    {
        string pwsh = Path.Combine(Root, "pwsh");
        string manifest = Path.Combine(ModuleFolder, "ConcurrencyDemo.psd1");
        var command = PowerShellWorker.CreateCommand(pwsh, Root, Path.Combine(ModuleFolder, "ConcurrencyDemo.dll"), p => p == manifest || p == pwsh);

        Assert.Equal(pwsh, command.FileName);
        Assert.Equal("pwsh", command.HostKind);
        // -OutputFormat Text: with an encoded command and redirected stderr pwsh would write errors as CLIXML.
        Assert.Equal(new[] { "-NoLogo", "-NoProfile", "-NonInteractive", "-OutputFormat", "Text", "-EncodedCommand" }, command.Arguments.Take(6));
        string script = Encoding.Unicode.GetString(Convert.FromBase64String(command.Arguments[6]));
        Assert.Contains($"Import-Module -Name '{manifest}'", script);
    }
}
