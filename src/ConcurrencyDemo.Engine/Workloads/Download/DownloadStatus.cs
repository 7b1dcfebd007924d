namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>What became of one URL.</summary>
public enum DownloadStatus
{
    /// <summary>Downloaded now and saved whole.</summary>
    Downloaded,

    /// <summary>A file of that name was there already, and -Force / --force was not given: nothing was fetched.</summary>
    Skipped,

    /// <summary>Not saved: the result's Error says why, and no file of it is left.</summary>
    Failed,
}
