namespace DanVan.Plugins.Tasks.Api;

/// <summary>Orders item paths as the document does: "2" before "10", "2.3" after "2"; labels that are not numbers ("II", "a") by text.</summary>
internal sealed class ItemPathComparer : IComparer<string>
{
    public static ItemPathComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? string.Empty).Split('.');
        var b = (y ?? string.Empty).Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
