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
    public void The_worker_compiled_natively_for_this_platform_and_processor_is_preferred()
    {
        var machine = DotnetToolPwsh().WithNativeWorker(ModuleFolder, "linux-x64-avx512");
        machine.RuntimeIdentifier = "linux-x64";
        string native = machine.NativeWorkerPath(ModuleFolder, "linux-x64-avx512");

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal("dotnet", chosen.Command.HostKind);
        Assert.Equal(native, chosen.Command.FileName);
        Assert.Empty(chosen.Command.Arguments);
        Assert.Equal(native, chosen.Description);
        Assert.Equal("the module has the worker compiled natively for linux-x64 and avx512, which this processor runs", chosen.Reason);
    }

    [Fact]
    public void The_native_worker_needs_no_dotnet_host()
    {
        var machine = PwshOnly().WithNativeWorker(ModuleFolder, "linux-x64-avx2");
        machine.RuntimeIdentifier = "linux-x64";

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal(machine.NativeWorkerPath(ModuleFolder, "linux-x64-avx2"), chosen.Command.FileName);
    }

    [Theory]
    [InlineData(new[] { "avx512", "avx2" }, "linux-x64-avx512")]
    [InlineData(new[] { "avx2" }, "linux-x64-avx2")]
    public void The_native_worker_for_the_widest_instruction_set_the_processor_runs_is_chosen(string[] instructionSets, string expectedFolder)
    {
        var machine = DotnetToolPwsh().WithNativeWorker(ModuleFolder, "linux-x64-avx2").WithNativeWorker(ModuleFolder, "linux-x64-avx512");
        machine.RuntimeIdentifier = "linux-x64";
        machine.InstructionSets = instructionSets;

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal(machine.NativeWorkerPath(ModuleFolder, expectedFolder), chosen.Command.FileName);
    }

    [Theory]
    [InlineData("linux-arm64", new[] { "avx512", "avx2" })]
    [InlineData("linux-x64", new[] { "avx2" })] // a processor without AVX-512 would stop at the first instruction it lacks
    [InlineData("linux-x64", new string[0])]
    public void A_native_worker_for_another_platform_or_processor_is_left_alone(string runtimeIdentifier, string[] instructionSets)
    {
        var machine = DotnetToolPwsh().WithNativeWorker(ModuleFolder, "linux-x64-avx512");
        machine.RuntimeIdentifier = runtimeIdentifier;
        machine.InstructionSets = instructionSets;

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal(machine.ProcessPath, chosen.Command.FileName);
        Assert.Equal(new[] { "exec", WorkerProgram }, chosen.Command.Arguments);
        Assert.Equal("the .NET host was found as the process running PowerShell", chosen.Reason);
    }

    [Fact]
    public void A_native_worker_that_lost_its_execute_permission_gets_it_back_and_is_used()
    {
        // As Install-PSResource leaves it: a package's archive keeps no permissions.
        var machine = DotnetToolPwsh().WithNativeWorker(ModuleFolder, "linux-x64-avx512", executable: false);
        machine.RuntimeIdentifier = "linux-x64";
        string native = machine.NativeWorkerPath(ModuleFolder, "linux-x64-avx512");

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal(native, chosen.Command.FileName);
        Assert.EndsWith("which this processor runs (its execute permission, which the package had not kept, was given back)", chosen.Reason);
        Assert.True(machine.Facts.IsExecutable(native));
    }

    [Fact]
    public void A_native_worker_that_may_not_be_run_gives_way_to_the_portable_one_and_says_so()
    {
        // Installed by someone else, for all users: this user may not change its permissions.
        var machine = DotnetToolPwsh().WithNativeWorker(ModuleFolder, "linux-x64-avx512", executable: false);
        machine.RuntimeIdentifier = "linux-x64";
        machine.CanMakeExecutable = false;

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal(new[] { "exec", WorkerProgram }, chosen.Command.Arguments);
        Assert.Equal("the .NET host was found as the process running PowerShell, and the native worker " +
            $"{machine.NativeWorkerPath(ModuleFolder, "linux-x64-avx512")} has no execute permission, which could not be given back", chosen.Reason);
    }

    [Fact]
    public void A_native_worker_that_does_not_start_here_gives_way_to_the_portable_one_and_says_why()
    {
        // Linked against a newer C library than this Linux has, say.
        var machine = DotnetToolPwsh().WithNativeWorker(ModuleFolder, "linux-x64-avx512");
        machine.RuntimeIdentifier = "linux-x64";
        machine.NativeWorkerFailure = "it exited with code 1 before it was ready: version `GLIBC_2.34' not found";

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal(new[] { "exec", WorkerProgram }, chosen.Command.Arguments);
        Assert.Equal("the .NET host was found as the process running PowerShell, and the native worker " +
            $"{machine.NativeWorkerPath(ModuleFolder, "linux-x64-avx512")} does not run here " +
            "(it exited with code 1 before it was ready: version `GLIBC_2.34' not found)", chosen.Reason);
    }

    [Fact]
    public void Without_a_dotnet_host_a_native_worker_that_cannot_run_leaves_pwsh_and_the_reason_says_both()
    {
        var machine = PwshOnly().WithNativeWorker(ModuleFolder, "linux-x64-avx512");
        machine.RuntimeIdentifier = "linux-x64";
        machine.NativeWorkerFailure = "it exited with code 1 before it was ready";

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal("pwsh", chosen.Command.HostKind);
        Assert.StartsWith("no .NET host with a runtime 8 or later was found", chosen.Reason);
        Assert.EndsWith("and the native worker " + machine.NativeWorkerPath(ModuleFolder, "linux-x64-avx512") +
            " does not run here (it exited with code 1 before it was ready)", chosen.Reason);
    }

    [Fact]
    public void Insisting_on_dotnet_where_neither_worker_program_can_run_says_why_for_both()
    {
        var machine = PwshOnly().WithNativeWorker(ModuleFolder, "linux-x64-avx512", executable: false)
            .WithVariable("CONCURRENCYDEMO_WORKER_HOST", "dotnet");
        machine.RuntimeIdentifier = "linux-x64";
        machine.CanMakeExecutable = false;

        var error = Assert.Throws<WorkerHostSettingException>(() => WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome));

        Assert.StartsWith("CONCURRENCYDEMO_WORKER_HOST is 'dotnet', but no .NET host with a runtime 8 or later was found", error.Message);
        Assert.EndsWith("has no execute permission, which could not be given back.", error.Message);
    }

    [Fact]
    public void The_variable_forces_pwsh_even_beside_a_native_worker()
    {
        var machine = DotnetToolPwsh().WithNativeWorker(ModuleFolder, "linux-x64-avx512").WithVariable("CONCURRENCYDEMO_WORKER_HOST", "pwsh");
        machine.RuntimeIdentifier = "linux-x64";

        Assert.Equal("pwsh", WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome).Command.HostKind);
    }

    [Fact]
    public void Insisting_on_dotnet_takes_the_native_worker_where_there_is_one()
    {
        var machine = PwshOnly().WithNativeWorker(ModuleFolder, "linux-x64-avx512").WithVariable("CONCURRENCYDEMO_WORKER_HOST", "dotnet");
        machine.RuntimeIdentifier = "linux-x64";

        var chosen = WorkerSelection.Choose(machine.Facts, ModuleAssembly, PsHome);

        Assert.Equal(machine.NativeWorkerPath(ModuleFolder, "linux-x64-avx512"), chosen.Command.FileName);
        Assert.StartsWith("CONCURRENCYDEMO_WORKER_HOST is 'dotnet' and the module has the worker compiled natively", chosen.Reason);
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
