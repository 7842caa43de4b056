using System.Globalization;
using DanVan.Plugins.Tasks.Progress;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>Reads the tab forms' fields; a bad value becomes a <see cref="TasksException"/> (InvalidArgument) with a Vietnamese message, like the service's own refusals.</summary>
internal static class FormValues
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public static async Task<IFormCollection> ReadAsync(HttpContext http) =>
        http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false) : FormCollection.Empty;

    public static Guid Id(IFormCollection form, string name = "id") =>
        Guid.TryParse(form[name], out var id) ? id : throw new TasksException(TasksError.InvalidArgument, "Yêu cầu không hợp lệ: thiếu mã.", name);

    public static long Version(IFormCollection form, string name = "version") =>
        long.TryParse(form[name], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
            : throw new TasksException(TasksError.InvalidArgument, "Yêu cầu không hợp lệ: thiếu phiên bản.", name);

    public static int Percent(IFormCollection form, string name) =>
        int.TryParse(((string?)form[name] ?? string.Empty).Trim().TrimEnd('%'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent) ? percent
            : throw new TasksException(TasksError.InvalidArgument, "Tỷ lệ hoàn thành phải là một số từ 0 đến 100.", "percent");

    /// <summary>dd/MM/yyyy as officers write it, or yyyy-MM-dd as a date input sends it.</summary>
    public static DateOnly Date(IFormCollection form, string name, string field, string label) =>
        Parse((string?)form[name]) is { } date ? date
            : throw new TasksException(TasksError.InvalidArgument, $"{label} “{(string?)form[name]}” không hợp lệ; hãy ghi theo dạng ngày/tháng/năm, ví dụ 30/11/2026.", field);

    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string Text(IFormCollection form, string name) => ((string?)form[name] ?? string.Empty).Trim();

    /// <summary>
    /// One evidence per line: an http(s) address is a link; "mã văn bản/mã tệp" an attachment; anything
    /// else a document id. (Anything with "://" or a scheme stays a link, so the validator refuses it by name.)
    /// </summary>
    public static IReadOnlyList<Evidence> EvidenceLines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(Classify)];

    private static Evidence Classify(string line) =>
        line.Contains("://", StringComparison.Ordinal) || line.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
            ? new Evidence(EvidenceKind.Link, line, string.Empty)
            : line.Contains('/', StringComparison.Ordinal) ? new Evidence(EvidenceKind.Attachment, line, string.Empty)
            : new Evidence(EvidenceKind.Document, line, string.Empty);
}
