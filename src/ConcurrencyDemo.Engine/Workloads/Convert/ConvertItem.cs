namespace ConcurrencyDemo.Engine.Workloads.Convert;

/// <summary>One photo of a convert run: where it is read from and where its output goes, both full paths.</summary>
public sealed record ConvertItem(string InputPath, string OutputPath);
