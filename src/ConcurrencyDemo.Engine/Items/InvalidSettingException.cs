namespace ConcurrencyDemo.Engine.Items;

/// <summary>
/// A workload setting that cannot be used, found where the setting's value is made. <see cref="Setting"/> is
/// the setting's neutral name ("Count", "Seconds"); each front end spells it as its own option (-Count,
/// --count) in front of the message, which therefore never names an option itself.
/// </summary>
public sealed class InvalidSettingException : ArgumentException
{
    public InvalidSettingException(string setting, string message) : base(message) => Setting = setting;

    public string Setting { get; }
}
