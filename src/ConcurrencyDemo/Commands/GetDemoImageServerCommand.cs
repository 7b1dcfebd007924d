using System.Management.Automation;
using ConcurrencyDemo.DemoSite;

namespace ConcurrencyDemo.Commands;

/// <summary>
/// Gets the demo photo sites running in this PowerShell process. Each is the object Start-DemoImageServer
/// wrote: its port, base URI, number of images, latency, bandwidth cap, requests so far and image URLs.
/// </summary>
/// <remarks>
/// <para>
/// Without -Port every running site is written, ordered by port. Each object is the one Start-DemoImageServer
/// wrote, so its Uri property lists every image URL and piping it to Stop-DemoImageServer stops it. A port with
/// no site of this process is a non-terminating error.
/// </para>
/// </remarks>
[Cmdlet(VerbsCommon.Get, "DemoImageServer")]
[OutputType(typeof(DemoImageServerInfo))]
public sealed class GetDemoImageServerCommand : PSCmdlet
{
    /// <summary>Only the sites listening on these ports. Objects with a Port property bind here from the pipeline.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int[]? Port { get; set; }

    protected override void ProcessRecord()
    {
        if (Port is null)
        {
            foreach (var info in DemoImageServerRegistry.Running())
                WriteObject(info);
            return;
        }
        foreach (int port in Port)
        {
            if (DemoImageServerRegistry.Find(port) is { } info)
                WriteObject(info);
            else
                WriteError(ErrorRecords.DemoImageServerNotFound(port));
        }
    }
}
