using System.Management.Automation;
using ConcurrencyDemo.Timelines.Terminal;

namespace ConcurrencyDemo.Rendering;

/// <summary>
/// Whether a cmdlet's chart is coloured, and with what: $PSStyle's own sequences, so that a user's theme
/// applies. Plain text when $PSStyle.OutputRendering is PlainText, when the chart goes on down a pipeline
/// (| Out-File, | Out-String, | Set-Content) or out of the process (pwsh ... > file), or when the host cannot
/// show colour; coloured whenever OutputRendering is Ansi.
/// </summary>
internal static class ConsoleTimelineStyle
{
    public static TerminalStyle For(PSCmdlet cmdlet)
    {
        object? psStyle = cmdlet.SessionState.PSVariable.GetValue("PSStyle");
        if (psStyle is null) return TerminalStyle.Plain;
        string rendering = Read(psStyle, "OutputRendering");
        bool colour = rendering switch
        {
            "PlainText" => false,
            "Ansi" => true,
            _ => GoesStraightToTheConsole(cmdlet),
        };
        if (!colour) return TerminalStyle.Plain;
        return TerminalStyle.FromSequences(
            item: Read(psStyle, "Foreground", "Black") + Read(psStyle, "Background", "Cyan"),
            alternateItem: Read(psStyle, "Foreground", "Black") + Read(psStyle, "Background", "BrightBlue"),
            failedItem: Read(psStyle, "Foreground", "BrightWhite") + Read(psStyle, "Background", "Red"),
            startup: Read(psStyle, "Foreground", "Yellow"),
            axis: Read(psStyle, "Foreground", "BrightBlack"),
            title: Read(psStyle, "Bold"),
            reset: Read(psStyle, "Reset"));
    }

    /// <summary>The console's width, or 80 where there is none (a runspace of its own, a redirected host).</summary>
    public static int ConsoleWidth(PSCmdlet cmdlet)
    {
        try
        {
            int width = cmdlet.Host?.UI?.RawUI?.WindowSize.Width ?? 0;
            if (width > 0) return width;
        }
        catch (Exception ex) when (ex is NotImplementedException or NotSupportedException or IOException or System.Management.Automation.Host.HostException or InvalidOperationException)
        {
        }
        return 80;
    }

    private static bool GoesStraightToTheConsole(PSCmdlet cmdlet)
    {
        var invocation = cmdlet.MyInvocation;
        if (invocation.PipelinePosition < invocation.PipelineLength) return false;
        if (Console.IsOutputRedirected) return false;
        try
        {
            return cmdlet.Host?.UI?.SupportsVirtualTerminal ?? false;
        }
        catch (NotImplementedException)
        {
            return false;
        }
    }

    /// <summary>A property of $PSStyle, or of one of its parts ($PSStyle.Foreground.Black), as text; empty when there is none.</summary>
    private static string Read(object psStyle, params string[] path)
    {
        object? value = psStyle;
        foreach (string name in path)
        {
            value = value is null ? null : PSObject.AsPSObject(value).Properties[name]?.Value;
            if (value is PSObject wrapped) value = wrapped.BaseObject;
        }
        return value?.ToString() ?? "";
    }
}
