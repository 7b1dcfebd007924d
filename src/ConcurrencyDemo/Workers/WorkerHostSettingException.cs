namespace ConcurrencyDemo.Workers;

/// <summary>The worker host setting is not a known value, or asks for a worker this machine cannot run.</summary>
internal sealed class WorkerHostSettingException(string message) : Exception(message);
