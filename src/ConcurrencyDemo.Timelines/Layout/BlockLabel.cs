using System.Globalization;

namespace ConcurrencyDemo.Timelines.Layout;

/// <summary>What an item's block says, in as many characters as it has room for: its label, else its index, else nothing.</summary>
public static class BlockLabel
{
    public static string Choose(TimelineItem item, int capacity)
    {
        if (capacity <= 0) return "";
        if (item.Label.Length > 0 && item.Label.Length <= capacity) return item.Label;
        string index = item.Index.ToString(CultureInfo.InvariantCulture);
        return index.Length <= capacity ? index : "";
    }
}
