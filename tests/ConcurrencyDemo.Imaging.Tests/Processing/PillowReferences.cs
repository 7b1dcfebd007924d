using System.Globalization;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Imaging.Tests.Processing;

/// <summary>The cases in tests/fixtures/pillow/manifest.txt, written by make-references.py with Pillow.</summary>
internal static class PillowReferences
{
    public static string Path(string name) => TestPaths.Fixtures("pillow", name);

    public sealed record Case(string Kind, string Source, float Radius, int BoxWidth, int BoxHeight, string Result)
    {
        public override string ToString() => Kind == "blur" ? $"{Source} r={Radius}" : $"{Source} r={Radius} box={BoxWidth}x{BoxHeight}";
    }

    public static IEnumerable<Case> Cases(string kind) =>
        File.ReadLines(Path("manifest.txt"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split(' '))
            .Where(f => f[0] == kind)
            .Select(f => new Case(f[0], f[1], float.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3]), int.Parse(f[4]), f[5]));
}
