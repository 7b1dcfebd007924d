using ConcurrencyDemo.Workers;

namespace ConcurrencyDemo.Module.Tests;

public class DotnetHostLocatorTests
{
    private static readonly string UsrShareDotnet = FakeMachine.At("usr", "share", "dotnet");

    [Fact]
    public void The_dotnet_muxer_running_PowerShell_is_the_host()
    {
        // `dotnet pwsh`, PowerShell as a local .NET tool: the muxer itself is the process.
        var machine = new FakeMachine().WithDotnet(UsrShareDotnet, "10.0.12");
        machine.ProcessPath = Path.Combine(UsrShareDotnet, machine.Muxer);
        machine.RuntimeDirectory = FakeMachine.At("elsewhere");

        var host = DotnetHostLocator.Find(machine.Facts);

        Assert.Equal(machine.ProcessPath, host?.Path);
        Assert.Equal("the process running PowerShell", host?.FoundAs);
    }

    [Fact]
    public void A_pwsh_running_on_a_shared_runtime_finds_the_muxer_of_that_installation()
    {
        // A global tool's pwsh apphost: the process is pwsh, its runtime lives in a dotnet installation.
        var machine = new FakeMachine().WithDotnet(UsrShareDotnet, "8.0.11");
        machine.ProcessPath = FakeMachine.At("root", ".dotnet", "tools", "pwsh");
        machine.RuntimeDirectory = Path.Combine(UsrShareDotnet, "shared", "Microsoft.NETCore.App", "8.0.11") + Path.DirectorySeparatorChar;

        var host = DotnetHostLocator.Find(machine.Facts);

        Assert.Equal(Path.Combine(UsrShareDotnet, machine.Muxer), host?.Path);
        Assert.Equal("the installation of the runtime PowerShell runs on", host?.FoundAs);
    }

    [Fact]
    public void A_self_contained_pwsh_uses_DOTNET_ROOT_when_it_holds_a_runtime_of_8_or_later()
    {
        string dotnetRoot = FakeMachine.At("opt", "dotnet");
        var machine = new FakeMachine()
            .WithDotnet(dotnetRoot, "8.0.11")
            .WithVariable("DOTNET_ROOT", dotnetRoot);

        var host = DotnetHostLocator.Find(machine.Facts);

        Assert.Equal(Path.Combine(dotnetRoot, machine.Muxer), host?.Path);
        Assert.Equal("DOTNET_ROOT", host?.FoundAs);
    }

    [Fact]
    public void A_self_contained_pwsh_follows_a_link_on_PATH_to_the_installation_it_checks()
    {
        // /usr/bin/dotnet -> /usr/share/dotnet/dotnet: the runtimes are beside the target, not the link.
        var machine = new FakeMachine().WithDotnet(UsrShareDotnet, "9.0.0");
        string link = FakeMachine.At("usr", "bin", machine.Muxer);
        machine.WithLink(link, Path.Combine(UsrShareDotnet, machine.Muxer))
            .WithVariable("PATH", string.Join(Path.PathSeparator, FakeMachine.At("usr", "local", "bin"), FakeMachine.At("usr", "bin")));

        var host = DotnetHostLocator.Find(machine.Facts);

        Assert.Equal(link, host?.Path);
        Assert.Equal("PATH", host?.FoundAs);
    }

    [Fact]
    public void An_installation_with_only_older_runtimes_cannot_run_the_worker()
    {
        string oldRoot = FakeMachine.At("opt", "dotnet6");
        var machine = new FakeMachine()
            .WithDotnet(oldRoot, "6.0.36", "7.0.20")
            .WithVariable("DOTNET_ROOT", oldRoot)
            .WithVariable("PATH", oldRoot);

        Assert.Null(DotnetHostLocator.Find(machine.Facts));
    }

    [Fact]
    public void DOTNET_ROOT_without_a_usable_runtime_falls_through_to_PATH()
    {
        string oldRoot = FakeMachine.At("opt", "dotnet6");
        var machine = new FakeMachine()
            .WithDotnet(oldRoot, "6.0.36")
            .WithDotnet(UsrShareDotnet, "10.0.0-rc.2.25502.107")
            .WithVariable("DOTNET_ROOT", oldRoot)
            .WithVariable("PATH", UsrShareDotnet);

        var host = DotnetHostLocator.Find(machine.Facts);

        Assert.Equal(Path.Combine(UsrShareDotnet, machine.Muxer), host?.Path);
        Assert.Equal("PATH", host?.FoundAs);
    }

    [Fact]
    public void A_machine_without_dotnet_has_no_host()
    {
        var machine = new FakeMachine().WithVariable("PATH", FakeMachine.At("usr", "bin"));

        Assert.Null(DotnetHostLocator.Find(machine.Facts));
    }

    [Fact]
    public void On_Windows_the_muxer_is_dotnet_exe_and_PATH_is_split_at_semicolons()
    {
        string programFiles = FakeMachine.At("Program Files", "dotnet");
        var machine = new FakeMachine { IsWindows = true }
            .WithDotnet(programFiles, "8.0.11")
            .WithVariable("PATH", $"{FakeMachine.At("Windows")};\"{programFiles}\";");

        var host = DotnetHostLocator.Find(machine.Facts);

        Assert.Equal(Path.Combine(programFiles, "dotnet.exe"), host?.Path);
    }

    [Theory]
    [InlineData("opt", "microsoft", "powershell", "7")]
    [InlineData("usr", "share", "dotnet", "shared", "Microsoft.AspNetCore.App", "8.0.11")]
    public void Only_a_shared_Microsoft_NETCore_App_folder_names_an_installation(params string[] parts)
    {
        Assert.Null(DotnetHostLocator.InstallationOfRuntime(FakeMachine.At(parts)));
    }

    [Fact]
    public void The_installation_of_a_shared_runtime_is_three_levels_up()
    {
        string runtime = Path.Combine(UsrShareDotnet, "shared", "Microsoft.NETCore.App", "10.0.12") + Path.DirectorySeparatorChar;
        Assert.Equal(UsrShareDotnet, DotnetHostLocator.InstallationOfRuntime(runtime));
    }
}
