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
}
