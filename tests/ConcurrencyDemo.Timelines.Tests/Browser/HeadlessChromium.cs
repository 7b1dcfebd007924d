using System.Text.RegularExpressions;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Timelines.Tests.Browser;

/// <summary>
/// Debian's chromium, run headless on a file: a screenshot of it, the page as the browser parsed it, and every
/// line the page wrote to its console (script errors, blocked loads), which Chromium logs on stderr as "CONSOLE".
/// </summary>
internal static class HeadlessChromium
{
    private static readonly Regex ConsoleLine = new(@":CONSOLE[:(]", RegexOptions.CultureInvariant);

    public static string? Find() => ExternalTool.Find("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    public sealed record Page(byte[] Screenshot, IReadOnlyList<string> ConsoleLines, string Dom);

    public static Page Open(string chromium, string file, int width, int height)
    {
        string profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        string screenshot = Path.Combine(profile, "screenshot.png");
        try
        {
            var shot = Run(chromium, profile, [$"--screenshot={screenshot}", $"--window-size={width},{height}"], file);
            var dom = Run(chromium, profile, ["--dump-dom"], file);
            Assert.True(File.Exists(screenshot), $"chromium wrote no screenshot (exit code {shot.ExitCode}):\n{shot.Stderr}");
            var consoleLines = (shot.Stderr + "\n" + dom.Stderr).Split('\n').Where(l => ConsoleLine.IsMatch(l)).ToList();
            return new Page(File.ReadAllBytes(screenshot), consoleLines, System.Text.Encoding.UTF8.GetString(dom.Stdout));
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static ExternalTool.Result Run(string chromium, string profile, string[] what, string file) =>
        ExternalTool.Run(chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
            $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", .. what, new Uri(file).AbsoluteUri,
        ], timeoutMs: 90_000);
}
