using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ConcurrencyDemo.DemoSite;

namespace ConcurrencyDemo;

/// <summary>
/// Remove-Module: the demo photo sites this session started stop, and their ports are free again. (The process
/// ending stops every site too: see <see cref="DemoImageServerRegistry"/>.)
/// </summary>
public sealed class ModuleCleanup : IModuleAssemblyCleanup
{
    public void OnRemove(PSModuleInfo psModuleInfo) => DemoImageServerRegistry.StopAll(Runspace.DefaultRunspace);
}
