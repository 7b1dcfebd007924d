using System.Globalization;

namespace ConcurrencyDemo.Timelines.Layout;

/// <summary>Where a time axis gets its marks: round steps of 1, 2 or 5 times a power of ten, labelled without noise.</summary>
public static class AxisTicks
{
    /// <summary>The smallest round step that needs at most <paramref name="maxTicks"/> steps to cover <paramref name="spanSeconds"/>.</summary>
    public static double Step(double spanSeconds, int maxTicks)
    {
        if (!double.IsFinite(spanSeconds) || spanSeconds <= 0) return 0.001;
        double rough = spanSeconds / Math.Max(1, maxTicks);
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (double multiple in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            // A little slack, so that 0.3 / 3 is a step of 0.1 despite binary fractions.
            if (multiple * power >= rough * (1 - 1e-9)) return multiple * power;
        }
        return 10 * power;
    }

    /// <summary>0, step, 2 step, ... up to <paramref name="spanSeconds"/> (and including it, give or take rounding).</summary>
    public static IReadOnlyList<double> Marks(double spanSeconds, double step)
    {
        var marks = new List<double>();
        for (int i = 0; ; i++)
        {
            double mark = i * step;
            if (mark > spanSeconds * (1 + 1e-9) + 1e-12) break;
            marks.Add(mark);
        }
        return marks;
    }

    /// <summary>A mark as few digits as its step needs: 0, 0.5, 1, 1.5 for a step of 0.5.</summary>
    public static string Format(double seconds, double step)
    {
        int decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(step) - 1e-9), 0, 6);
        return Math.Round(seconds, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture).TrimEnd('.');
    }
}
