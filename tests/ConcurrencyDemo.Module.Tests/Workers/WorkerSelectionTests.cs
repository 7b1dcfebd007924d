using System.Text;
using ConcurrencyDemo.Workers;

namespace ConcurrencyDemo.Module.Tests;

public class WorkerSelectionTests
{
    private static readonly string ModuleFolder = FakeMachine.At("mods", "ConcurrencyDemo");
    private static readonly string ModuleAssembly = Path.Combine(ModuleFolder, "ConcurrencyDemo.dll");
    private static readonly string WorkerProgram = Path.Combine(ModuleFolder, "ConcurrencyDemo.Worker.dll");
    private static readonly string PsHome = FakeMachine.At("opt", "microsoft", "powershell", "7");
    private static readonly string DotnetRoot = FakeMachine.At("usr", "share", "dotnet");

    /// <summary>pwsh run as a .NET tool: the dotnet muxer is the process.</summary>
    private static FakeMachine DotnetToolPwsh()
    {
        var machine = new FakeMachine().WithModule(ModuleFolder).WithDotnet(DotnetRoot, "10.0.12");
        machine.ProcessPath = Path.Combine(DotnetRoot, machine.Muxer);
        machine.WithFile(Path.Combine(PsHome, "pwsh"));
        return machine;
    }

    /// <summary>A self-contained pwsh and no .NET anywhere.</summary>
    private static FakeMachine PwshOnly() =>
        new FakeMachine().WithModule(ModuleFolder).WithFile(Path.Combine(PsHome, "pwsh"));

    [Fact]
    public void With_a_dotnet_host_the_workers_are_the_worker_program()
    {
        var machine = DotnetToolPwsh();

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal("dotnet", chosen.Command.HostKind);
        Assert.Equal(machine.ProcessPath, chosen.Command.FileName);
        Assert.Equal(new[] { "exec", WorkerProgram }, chosen.Command.Arguments);
        Assert.Equal($"{machine.ProcessPath} running {WorkerProgram}", chosen.Description);
        Assert.Equal("the .NET host was found as the process running PowerShell", chosen.Reason);
    }

    [Fact]
    public void The_worker_precompiled_for_this_platform_and_runtime_is_preferred()
    {
        var machine = DotnetToolPwsh().WithPrecompiledWorker(ModuleFolder, "linux-x64-net10");
        machine.RuntimeIdentifier = "linux-x64";
        machine.RuntimeMajorVersion = 10;
        string precompiled = Path.Combine(ModuleFolder, "precompiled", "linux-x64-net10", "ConcurrencyDemo.Worker.dll");

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal("dotnet", chosen.Command.HostKind);
        Assert.Equal(new[] { "exec", precompiled }, chosen.Command.Arguments);
        Assert.Equal("the .NET host was found as the process running PowerShell, and the module has the worker precompiled for linux-x64 and .NET 10", chosen.Reason);
    }

    [Theory]
    [InlineData("linux-x64", 11)] // a later .NET would not use code precompiled for 10
    [InlineData("linux-arm64", 10)]
    public void A_worker_precompiled_for_another_platform_or_runtime_is_left_alone(string runtimeIdentifier, int runtimeMajorVersion)
    {
        var machine = DotnetToolPwsh().WithPrecompiledWorker(ModuleFolder, "linux-x64-net10");
        machine.RuntimeIdentifier = runtimeIdentifier;
        machine.RuntimeMajorVersion = runtimeMajorVersion;

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal(new[] { "exec", WorkerProgram }, chosen.Command.Arguments);
    }

    [Fact]
    public void A_host_found_on_PATH_runs_the_portable_worker_even_beside_a_precompiled_one()
    {
        // A self-contained pwsh: which runtime the dotnet on PATH would pick is not known, so precompiled code might not fit it.
        var machine = PwshOnly().WithDotnet(DotnetRoot, "10.0.12").WithPrecompiledWorker(ModuleFolder, "linux-x64-net10")
            .WithVariable("PATH", DotnetRoot);
        machine.RuntimeIdentifier = "linux-x64";

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal("dotnet", chosen.Command.HostKind);
        Assert.Equal(new[] { "exec", WorkerProgram }, chosen.Command.Arguments);
        Assert.Equal("the .NET host was found as PATH", chosen.Reason);
    }

    [Fact]
    public void Without_any_dotnet_host_the_workers_are_pwsh_importing_the_module()
    {
        var chosen = WorkerSelection.Choose(PwshOnly().Facts, ModuleAssembly, PsHome);

        Assert.Equal("pwsh", chosen.Command.HostKind);
        Assert.Equal(Path.Combine(PsHome, "pwsh"), chosen.Command.FileName);
        string script = Encoding.Unicode.GetString(Convert.FromBase64String(chosen.Command.Arguments[^1]));
        Assert.Contains($"Import-Module -Name '{Path.Combine(ModuleFolder, "ConcurrencyDemo.psd1")}'", script);
        Assert.StartsWith("no .NET host with a runtime 8 or later was found", chosen.Reason);
    }

    [Fact]
    public void Without_the_worker_program_beside_the_module_the_workers_are_pwsh()
    {
        // Someone copied ConcurrencyDemo.dll and the manifest alone.
        var machine = new FakeMachine().WithModule(ModuleFolder, withWorkerProgram: false).WithDotnet(DotnetRoot, "10.0.12");
        machine.ProcessPath = Path.Combine(DotnetRoot, machine.Muxer);

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal("pwsh", chosen.Command.HostKind);
        Assert.Contains("ConcurrencyDemo.Worker.dll or ConcurrencyDemo.Worker.runtimeconfig.json is missing", chosen.Reason);
    }

    [Fact]
    public void The_variable_forces_pwsh_even_when_dotnet_could_run_the_workers()
    {
        var machine = DotnetToolPwsh().WithVariable("CONCURRENCYDEMO_WORKER_HOST", "pwsh");

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal("pwsh", chosen.Command.HostKind);
        // The muxer is the process, so the pwsh to start is the one in $PSHOME.
        Assert.Equal(Path.Combine(PsHome, "pwsh"), chosen.Command.FileName);
        Assert.Equal("CONCURRENCYDEMO_WORKER_HOST is 'pwsh'", chosen.Reason);
    }

    [Fact]
    public void The_variable_can_insist_on_dotnet()
    {
        var machine = DotnetToolPwsh().WithVariable("CONCURRENCYDEMO_WORKER_HOST", "dotnet");

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal("dotnet", chosen.Command.HostKind);
        Assert.StartsWith("CONCURRENCYDEMO_WORKER_HOST is 'dotnet' and the .NET host was found as", chosen.Reason);
    }

    [Fact]
    public void Insisting_on_dotnet_where_there_is_none_is_an_error_not_a_silent_pwsh()
    {
        var machine = PwshOnly().WithVariable("CONCURRENCYDEMO_WORKER_HOST", "dotnet");

        var error = Assert.Throws<WorkerHostSettingException>(() => WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome));

        Assert.StartsWith("CONCURRENCYDEMO_WORKER_HOST is 'dotnet', but no .NET host with a runtime 8 or later was found", error.Message);
    }

    [Fact]
    public void An_unknown_setting_is_an_error_even_where_dotnet_is_available()
    {
        var machine = DotnetToolPwsh().WithVariable("CONCURRENCYDEMO_WORKER_HOST", "python");

        Assert.Throws<WorkerHostSettingException>(() => WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome));
    }

    [Fact]
    public void Auto_is_the_default_spelled_out()
    {
        var machine = DotnetToolPwsh().WithVariable("CONCURRENCYDEMO_WORKER_HOST", "auto");

        Assert.Equal("dotnet", WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome).Command.HostKind);
    }
}
