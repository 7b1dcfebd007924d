namespace ConcurrencyDemo.PhotoSite;

/// <summary>
/// A server option that cannot be used. <see cref="Option"/> is the <see cref="DemoImageServerOptions"/>
/// property's name ("FolderPath", "Port", ...): each front end spells it as its own parameter (-Path, --port)
/// in front of the message, which therefore never names a parameter itself.
/// </summary>
public sealed class InvalidServerOptionException : ArgumentException
{
    public InvalidServerOptionException(string option, string message, Exception? innerException = null)
        : base(message, innerException) => Option = option;

    public string Option { get; }

    /// <summary>
    /// True when the value is one a server could take, but this machine cannot use it now: a folder that is
    /// missing, is a file, holds no images or cannot be read; a port another program holds, or no free port.
    /// False for a value no server takes (a count of 0, port 70000). A front end tells the two apart, as a
    /// command line that cannot run against one that is wrong.
    /// </summary>
    public bool IsUnavailable { get; init; }
}
