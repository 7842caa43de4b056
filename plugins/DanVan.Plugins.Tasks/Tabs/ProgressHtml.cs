using System.Globalization;
using System.Text;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Progress;
using DanVan.Plugins.Tasks.Storage;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>Pieces shared by the unit tab and the document's "Tiến độ" page: states in words, dates, report history, evidence, notices.</summary>
internal static class ProgressHtml
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", C);

    public static string Day(DateTimeOffset instant) => Day(AssignmentStatuses.DayOf(instant));

    public static string ReportState(ReportState state) => state switch
    {
        Storage.ReportState.Accepted => "đã chấp nhận",
        Storage.ReportState.Returned => "bị trả lại",
        _ => "chờ duyệt",
    };

    public static string ExtensionState(ExtensionState state) => state switch
    {
        Storage.ExtensionState.Approved => "đã đồng ý",
        Storage.ExtensionState.Rejected => "không đồng ý",
        _ => "chờ xem xét",
    };

    public static string StatusClass(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Overdue or AssignmentStatus.CompletedLate => "tt-qua",
        AssignmentStatus.DueSoon => "tt-sap",
        _ => "tt-thuong",
    };

    /// <summary>The HTTP status a refusal is shown with.</summary>
    public static int StatusCode(TasksError error) => error switch
    {
        TasksError.NotFound => StatusCodes.Status404NotFound,
        TasksError.PermissionDenied => StatusCodes.Status403Forbidden,
        TasksError.InvalidArgument => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status409Conflict,
    };

    public static void Notice(StringBuilder html, string? notice, bool isError)
    {
        if (notice is not null)
        {
            html.Append(isError ? "<div class=\"hop loi\" role=\"alert\" id=\"thong-bao\"><p>" : "<div class=\"hop\" role=\"status\" id=\"thong-bao\"><p>").Append(Html.Encode(notice)).Append("</p></div>");
        }
    }

    /// <summary>Hạn, with the original date when an extension moved it.</summary>
    public static void Due(StringBuilder html, AssignmentRecord a)
    {
        html.Append("<dt>Hạn</dt><dd>").Append(a.DueDate is { } due ? Day(due) : "chưa có hạn");
        if (a.OriginalDueDate is { } original && original != a.DueDate)
        {
            html.Append(" <span class=\"tc\">(đã gia hạn; hạn ban đầu ").Append(Day(original)).Append(")</span>");
        }

        html.Append("</dd>");
    }

    public static void Report(StringBuilder html, ReportRecord report)
    {
        html.Append("<li class=\"bao-cao\" data-state=\"").Append(report.State).Append("\"><p><strong>").Append(Day(report.SubmittedAt)).Append("</strong> — ")
            .Append(report.Percent.ToString(C)).Append("% — <span class=\"").Append(report.State == Storage.ReportState.Returned ? "tt-qua" : report.State == Storage.ReportState.Accepted ? "tt-thuong" : "tt-sap").Append("\">")
            .Append(ReportState(report.State)).Append("</span>");
        if (report.ReviewReason is { Length: > 0 } reason)
        {
            html.Append(" <span class=\"ly-do\">Lý do: ").Append(Html.Encode(reason)).Append("</span>");
        }

        html.Append("</p><p>").Append(Html.Encode(report.Text)).Append("</p>");
        var evidence = EvidenceJson.Read(report.Evidence);
        if (evidence.Count > 0)
        {
            html.Append("<ul class=\"minh-chung\">");
            foreach (var e in evidence)
            {
                html.Append("<li>").Append(e.Kind switch { EvidenceKind.Document => "Văn bản: ", EvidenceKind.Attachment => "Tệp đính kèm: ", _ => "Liên kết: " });
                if (e.Kind == EvidenceKind.Link)
                {
                    html.Append("<a href=\"").Append(Html.Encode(e.Reference)).Append("\" rel=\"noopener noreferrer\" target=\"_blank\">").Append(Html.Encode(e.Title)).Append("</a>");
                }
                else
                {
                    html.Append(Html.Encode(e.Title)).Append(" <span class=\"tc\">(").Append(Html.Encode(e.Reference)).Append(")</span>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</li>");
    }

    public static void Extension(StringBuilder html, ExtensionRecord e)
    {
        html.Append("<p class=\"gia-han\" data-state=\"").Append(e.State).Append("\">Xin gia hạn đến ").Append(Day(e.RequestedDue)).Append(" (").Append(Day(e.RequestedAt)).Append("): ")
            .Append(Html.Encode(e.Reason)).Append(" — <strong>").Append(ExtensionState(e.State)).Append("</strong>");
        if (e.DecisionReason is { Length: > 0 } why)
        {
            html.Append(" <span class=\"ly-do\">Lý do: ").Append(Html.Encode(why)).Append("</span>");
        }

        html.Append("</p>");
    }
}
