using System.Management.Automation;
using ConcurrencyDemo.DemoSite;

namespace ConcurrencyDemo.Commands;

/// <summary>
/// Stops demo photo sites that Start-DemoImageServer started. Each stops listening, the downloads under way
/// are cut off, and its port is free again at once.
/// </summary>
/// <remarks>
/// <para>
/// Give the sites by -Port, or pipe the objects Start-DemoImageServer or Get-DemoImageServer wrote (they bind
/// by their Port property). With neither, every site running in this PowerShell process stops. A port with no
/// site of this process is a non-terminating error. Sites left running also stop at Remove-Module
/// ConcurrencyDemo and when the session ends.
/// </para>
/// </remarks>
[Cmdlet(VerbsLifecycle.Stop, "DemoImageServer", SupportsShouldProcess = true)]
[OutputType(typeof(DemoImageServerInfo))]
public sealed class StopDemoImageServerCommand : PSCmdlet
{
    private bool _portsGiven;

    /// <summary>
    /// The ports of the sites to stop. Objects with a Port property, such as those Start-DemoImageServer writes,
    /// bind here from the pipeline. Left out: every running site stops.
    /// </summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int[]? Port { get; set; }

    /// <summary>Writes each stopped site's object (Running is then False); by default nothing is written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (Port is null) return;
        _portsGiven = true;
        foreach (int port in Port)
        {
            if (DemoImageServerRegistry.Find(port) is { } info)
                Stop(info);
            else
                WriteError(ErrorRecords.DemoImageServerNotFound(port));
        }
    }

    /// <summary>Nothing named, neither as a parameter nor through the pipeline: every site.</summary>
    protected override void EndProcessing()
    {
        if (_portsGiven || MyInvocation.ExpectingInput) return;
        foreach (var info in DemoImageServerRegistry.Running())
            Stop(info);
    }

    private void Stop(DemoImageServerInfo info)
    {
        if (!ShouldProcess(info.BaseUri, "Stop")) return;
        DemoImageServerRegistry.Stop(info.Port);
        WriteVerbose($"Stopped {info.BaseUri} after {info.RequestCount} requests.");
        if (PassThru) WriteObject(info);
    }
}
