using System.Management.Automation.Runspaces;

namespace ConcurrencyDemo.DemoSite;

/// <summary>
/// The demo photo sites this process runs, by port: what Get-DemoImageServer lists and Stop-DemoImageServer
/// stops. A site left running is stopped when the session that started it removes the module, and every one
/// when the process exits, so no listening port outlives its session.
/// </summary>
internal static class DemoImageServerRegistry
{
    private static readonly object Gate = new();
    private static readonly SortedDictionary<int, Entry> ByPort = [];

    static DemoImageServerRegistry() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll(owner: null);

    /// <summary>Which session started the site: Remove-Module in a thread job must not stop the main session's sites.</summary>
    private sealed record Entry(DemoImageServerInfo Info, Runspace? Owner);

    public static void Add(DemoImageServerInfo info)
    {
        lock (Gate) ByPort[info.Port] = new Entry(info, Runspace.DefaultRunspace);
    }

    /// <summary>The running sites, by port.</summary>
    public static IReadOnlyList<DemoImageServerInfo> Running()
    {
        lock (Gate) return ByPort.Values.Select(entry => entry.Info).ToArray();
    }

    public static DemoImageServerInfo? Find(int port)
    {
        lock (Gate) return ByPort.GetValueOrDefault(port)?.Info;
    }

    /// <summary>Stops the site and forgets it; nothing happens when no site of this process listens on that port.</summary>
    public static void Stop(int port)
    {
        Entry? entry;
        lock (Gate)
        {
            if (!ByPort.Remove(port, out entry)) return;
        }
        entry.Info.Server.Stop();
    }

    /// <summary>Stops the sites the given session started, or every site when it is null.</summary>
    public static void StopAll(Runspace? owner)
    {
        Entry[] stopping;
        lock (Gate)
        {
            stopping = ByPort.Values.Where(entry => owner is null || entry.Owner is null || ReferenceEquals(entry.Owner, owner)).ToArray();
            foreach (var entry in stopping) ByPort.Remove(entry.Info.Port);
        }
        foreach (var entry in stopping) entry.Info.Server.Stop();
    }
}
