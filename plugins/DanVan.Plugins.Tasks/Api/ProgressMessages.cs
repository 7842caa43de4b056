using DanVan.Plugins.Tasks.Progress;
using DanVan.Plugins.Tasks.Storage;
using Google.Protobuf.WellKnownTypes;
using V1 = DanVan.Plugins.Contracts.Tasks.V1;

namespace DanVan.Plugins.Tasks.Api;

/// <summary>Stored progress reports and extension requests as danvan.tasks.v1 messages.</summary>
internal static class ProgressMessages
{
    public static V1.Report Report(ReportRecord r)
    {
        var m = new V1.Report
        {
            Id = r.Id.ToString(),
            AssignmentId = r.AssignmentId.ToString(),
            Text = r.Text,
            Percent = r.Percent,
            SubmittedByUserId = r.SubmittedBy,
            SubmittedUnitId = r.SubmittedUnitId,
            SubmitTime = Timestamp.FromDateTimeOffset(r.SubmittedAt),
            State = r.State switch
            {
                ReportState.Submitted => V1.ReportState.Submitted,
                ReportState.Accepted => V1.ReportState.Accepted,
                ReportState.Returned => V1.ReportState.Returned,
                _ => V1.ReportState.Unspecified,
            },
            ReviewedByUserId = r.ReviewedBy ?? string.Empty,
            ReviewTime = r.ReviewedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            ReviewReason = r.ReviewReason ?? string.Empty,
            Version = r.Version,
        };
        m.Evidence.AddRange(Evidence(r.Evidence));
        return m;
    }

    public static V1.Extension Extension(ExtensionRecord e) => new()
    {
        Id = e.Id.ToString(),
        AssignmentId = e.AssignmentId.ToString(),
        RequestedDueDate = RecordMessages.Date(e.RequestedDue),
        Reason = e.Reason,
        RequestedByUserId = e.RequestedBy,
        RequestTime = Timestamp.FromDateTimeOffset(e.RequestedAt),
        State = e.State switch
        {
            ExtensionState.Pending => V1.ExtensionState.Pending,
            ExtensionState.Approved => V1.ExtensionState.Approved,
            ExtensionState.Rejected => V1.ExtensionState.Rejected,
            _ => V1.ExtensionState.Unspecified,
        },
        DecidedByUserId = e.DecidedBy ?? string.Empty,
        DecideTime = e.DecidedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        DecisionReason = e.DecisionReason ?? string.Empty,
        Version = e.Version,
    };

    private static IEnumerable<V1.Evidence> Evidence(string json) =>
        EvidenceJson.Read(json).Select(e => new V1.Evidence
        {
            Kind = e.Kind switch
            {
                EvidenceKind.Document => V1.EvidenceKind.Document,
                EvidenceKind.Attachment => V1.EvidenceKind.Attachment,
                EvidenceKind.Link => V1.EvidenceKind.Link,
                _ => V1.EvidenceKind.Unspecified,
            },
            Reference = e.Reference,
            Title = e.Title,
        });
}
