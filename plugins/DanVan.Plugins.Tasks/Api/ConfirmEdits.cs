using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Extraction;
using V1 = DanVan.Plugins.Contracts.Tasks.V1;

namespace DanVan.Plugins.Tasks.Api;

/// <summary>
/// Checks a ConfirmDraft request and applies the officer's edits to the planned tasks: content, the units
/// that owe the work, the co-operating, report-to, report-via and follower units (each looked up in the
/// directory, today's units only) and the deadline (periods planned again from it); and builds the tasks
/// added by hand (<see cref="Review.ManualTasks"/>). Every refusal names its field, e.g. <c>items[1].unit_ids[0]</c>; nothing is saved then.
/// </summary>
internal sealed class ConfirmEdits(DirectoryService.DirectoryServiceClient? directory, TimeProvider time)
{
    public const int MaxContentLength = 4000;

    /// <summary>The request's shape: a document, at least one item, each path once, edits within bounds.</summary>
    public static void Validate(V1.ConfirmDraftRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.DocumentId))
        {
            throw ApiErrors.Invalid("document_id", "Chưa nêu mã văn bản.");
        }

        if (request.Items.Count == 0 && request.ManualItems.Count == 0)
        {
            throw ApiErrors.Invalid("items", "Chưa chọn mục nào để tạo nhiệm vụ.");
        }

        var manualPaths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.ManualItems.Count; i++)
        {
            var manual = request.ManualItems[i];
            var at = $"manual_items[{i}]";
            if (string.IsNullOrWhiteSpace(manual.Content))
            {
                throw ApiErrors.Invalid(at + ".content", "Chưa nêu nội dung nhiệm vụ.");
            }

            if (manual.Content.Length > MaxContentLength)
            {
                throw ApiErrors.Invalid(at + ".content", $"Nội dung nhiệm vụ dài quá {MaxContentLength} ký tự.");
            }

            if (!manualPaths.Add(Review.ManualTasks.PathOf(manual.Content)))
            {
                throw ApiErrors.Invalid(at + ".content", "Nhiệm vụ này đã có trong yêu cầu (trùng nội dung).");
            }

            if (string.IsNullOrWhiteSpace(manual.LeadUnitId))
            {
                throw ApiErrors.Invalid(at + ".lead_unit_id", "Chưa nêu đơn vị chủ trì.");
            }

            NoBlank(manual.CooperatingUnitIds, at + ".cooperating_unit_ids");
            if (manual.DueRule is { Kind: not V1.DueRuleKind.Unspecified } manualRule)
            {
                _ = RuleOf(manualRule, at + ".due_rule");
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var at = $"items[{i}]";
            if (string.IsNullOrWhiteSpace(item.ItemPath))
            {
                throw ApiErrors.Invalid(at + ".item_path", "Chưa nêu mục của văn bản.");
            }

            if (!seen.Add(item.ItemPath))
            {
                throw ApiErrors.Invalid(at + ".item_path", $"Mục {item.ItemPath} được chọn hai lần.");
            }

            if (item.Content.Length > MaxContentLength)
            {
                throw ApiErrors.Invalid(at + ".content", $"Nội dung nhiệm vụ dài quá {MaxContentLength} ký tự.");
            }

            NoBlank(item.UnitIds, at + ".unit_ids");
            NoBlank(item.CooperatingUnitIds, at + ".cooperating_unit_ids");
            NoBlank(item.FollowerUnitIds, at + ".follower_unit_ids");

            if (item.DueRule is { Kind: not V1.DueRuleKind.Unspecified } rule)
            {
                _ = RuleOf(rule, at + ".due_rule");
            }
        }
    }

    private static void NoBlank(IList<string> ids, string field)
    {
        for (var j = 0; j < ids.Count; j++)
        {
            if (string.IsNullOrWhiteSpace(ids[j]))
            {
                throw ApiErrors.Invalid($"{field}[{j}]", "Mã đơn vị trống.");
            }
        }
    }

    /// <summary>A task added by hand (already shape-checked by <see cref="Validate"/>), its units looked up.</summary>
    public async Task<PlannedTask> ManualAsync(V1.ManualTask manual, string at, CancellationToken cancellationToken)
    {
        var lead = await UnitAsync(manual.LeadUnitId, at + ".lead_unit_id", cancellationToken).ConfigureAwait(false);
        var cooperating = await UnitsAsync(manual.CooperatingUnitIds, at + ".cooperating_unit_ids", cancellationToken).ConfigureAwait(false);
        var due = manual.DueRule is { Kind: not V1.DueRuleKind.Unspecified } rule ? RuleOf(rule, at + ".due_rule") : null;
        return Review.ManualTasks.Plan(manual.Content, lead, cooperating, due, AssignmentStatuses.Today(time));
    }

    private async Task<List<OrgUnit>> UnitsAsync(IList<string> ids, string field, CancellationToken cancellationToken)
    {
        var units = new List<OrgUnit>();
        for (var j = 0; j < ids.Count; j++)
        {
            var unit = await UnitAsync(ids[j], $"{field}[{j}]", cancellationToken).ConfigureAwait(false);
            if (units.All(u => u.Id != unit.Id))
            {
                units.Add(unit);
            }
        }

        return units;
    }

    /// <summary>The planned task with the item's edits applied.</summary>
    public async Task<PlannedTask> ApplyAsync(PlannedTask planned, V1.ItemConfirmation edit, string at, CancellationToken cancellationToken)
    {
        var task = planned;
        if (edit.Content.Trim() is { Length: > 0 } content)
        {
            task = task with { Content = content };
        }

        if (edit.UnitIds.Count > 0)
        {
            task = task with { Units = await UnitsAsync(edit.UnitIds, at + ".unit_ids", cancellationToken).ConfigureAwait(false) };
        }

        if (edit.CooperatingUnitIds.Count > 0)
        {
            task = task with { Cooperating = await UnitsAsync(edit.CooperatingUnitIds, at + ".cooperating_unit_ids", cancellationToken).ConfigureAwait(false) };
        }

        if (!string.IsNullOrWhiteSpace(edit.ReportToUnitId))
        {
            task = task with { ReportTo = await UnitAsync(edit.ReportToUnitId.Trim(), at + ".report_to_unit_id", cancellationToken).ConfigureAwait(false) };
        }

        if (!string.IsNullOrWhiteSpace(edit.ReportViaUnitId))
        {
            task = task with { ReportVia = await UnitAsync(edit.ReportViaUnitId.Trim(), at + ".report_via_unit_id", cancellationToken).ConfigureAwait(false) };
        }

        if (edit.FollowerUnitIds.Count > 0)
        {
            task = task with { Followers = await UnitsAsync(edit.FollowerUnitIds, at + ".follower_unit_ids", cancellationToken).ConfigureAwait(false) };
        }

        if (edit.DueRule is { Kind: not V1.DueRuleKind.Unspecified } rule)
        {
            var due = RuleOf(rule, at + ".due_rule");
            task = task with { Due = due, Periods = DuePeriods.Plan(due, AssignmentStatuses.Today(time)) };
        }

        if (task.Units.Count == 0)
        {
            throw ApiErrors.Invalid(at + ".unit_ids", $"Mục {task.ItemPath} chưa xác định được đơn vị thực hiện: hãy chọn đơn vị (unit_ids).");
        }

        return task;
    }

    private async Task<OrgUnit> UnitAsync(string unitId, string field, CancellationToken cancellationToken)
    {
        if (directory is null)
        {
            throw ApiErrors.Unavailable();
        }

        OrgUnit? unit;
        try
        {
            unit = (await directory.GetOrgUnitAsync(new GetOrgUnitRequest { OrgUnitId = unitId }, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false)).OrgUnit;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            unit = null;
        }
        catch (RpcException ex) when (ex.StatusCode is not (StatusCode.Cancelled or StatusCode.DeadlineExceeded))
        {
            throw ApiErrors.Unavailable();
        }

        if (unit is null)
        {
            throw ApiErrors.Invalid(field, $"Không có đơn vị mã “{unitId}” trong danh mục đơn vị.");
        }

        if (unit.ValidTo is { } end && new DateOnly(end.Year, end.Month, end.Day) < AssignmentStatuses.Today(time))
        {
            throw ApiErrors.Invalid(field, $"Đơn vị “{unit.FullName}” đã giải thể hoặc sáp nhập; hãy giao cho đơn vị kế thừa.");
        }

        return unit;
    }

    private static DueRule RuleOf(V1.DueRule rule, string at)
    {
        var kind = rule.Kind switch
        {
            V1.DueRuleKind.OneOff => DueRuleKind.OneOff,
            V1.DueRuleKind.Yearly => DueRuleKind.Yearly,
            V1.DueRuleKind.SemiAnnual => DueRuleKind.SemiAnnual,
            V1.DueRuleKind.Quarterly => DueRuleKind.Quarterly,
            V1.DueRuleKind.Monthly => DueRuleKind.Monthly,
            V1.DueRuleKind.Weekly => DueRuleKind.Weekly,
            V1.DueRuleKind.Periodic => DueRuleKind.Periodic,
            _ => throw ApiErrors.Invalid(at + ".kind", "Loại thời hạn không hợp lệ."),
        };
        var monthly = kind is DueRuleKind.OneOff or DueRuleKind.Yearly;
        if (rule.Month is < 0 or > 12 || (!monthly && rule.Month != 0) || (kind == DueRuleKind.OneOff && rule.Month == 0))
        {
            throw ApiErrors.Invalid(at + ".month", "Tháng không hợp lệ (1–12; chỉ dùng cho thời hạn một lần hoặc hằng năm).");
        }

        if (rule.Year != 0 && (kind != DueRuleKind.OneOff || rule.Year is < 2000 or > 2100))
        {
            throw ApiErrors.Invalid(at + ".year", "Năm không hợp lệ (2000–2100; chỉ dùng cho thời hạn một lần).");
        }

        var maxDay = rule.Month is >= 1 and <= 12 ? DateTime.DaysInMonth(rule.Year == 0 ? 2024 : rule.Year, rule.Month) : 31;
        if (rule.Day < 0 || rule.Day > maxDay)
        {
            throw ApiErrors.Invalid(at + ".day", $"Ngày {rule.Day} không có trong tháng.");
        }

        var periodLength = kind switch { DueRuleKind.SemiAnnual => 6, DueRuleKind.Quarterly => 3, DueRuleKind.Monthly => 1, _ => 0 };
        if (rule.PeriodMonth < 0 || rule.PeriodMonth > (periodLength == 0 ? 0 : periodLength + 1))
        {
            throw ApiErrors.Invalid(at + ".period_month", "Tháng trong kỳ không hợp lệ.");
        }

        static int? Stated(int value) => value == 0 ? null : value;
        return new DueRule(kind, Stated(rule.Day), Stated(rule.Month), Stated(rule.Year), Stated(rule.PeriodMonth));
    }
}
