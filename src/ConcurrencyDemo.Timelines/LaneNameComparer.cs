namespace ConcurrencyDemo.Timelines;

/// <summary>Lane names in the order people count them: Pool-2 before Pool-10, numbers compared as numbers.</summary>
public sealed class LaneNameComparer : IComparer<string>
{
    public static LaneNameComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int startX = i, startY = j;
                while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                // Leading zeros aside, the longer run of digits is the larger number.
                var digitsX = x.AsSpan(startX, i - startX).TrimStart('0');
                var digitsY = y.AsSpan(startY, j - startY).TrimStart('0');
                int byLength = digitsX.Length.CompareTo(digitsY.Length);
                if (byLength != 0) return byLength;
                int byDigits = digitsX.SequenceCompareTo(digitsY);
                if (byDigits != 0) return byDigits;
                continue;
            }
            int byChar = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
            if (byChar != 0) return byChar;
            i++;
            j++;
        }
        int byRest = (x.Length - i).CompareTo(y.Length - j);
        return byRest != 0 ? byRest : string.CompareOrdinal(x, y);
    }
}
