using System.Globalization;
using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Extraction.Resolution;
using DanVan.Plugins.Tasks.Review;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// The draft of one document for the officer to review: the document line, the notes, the units the
/// opening sentence addresses, every item with its units, deadlines and report lines, the closing
/// paragraph's obligations, and the confirmation form.
/// </summary>
internal static class ReviewPage
{
    public const string Title = "Nhiệm vụ trong văn bản";

    /// <summary>What an officer who may not confirm sees in place of the form.</summary>
    /// <summary>The hidden field carrying the document's fingerprint as the officer reviewed it (<see cref="DraftFingerprint"/>).</summary>
    public const string FingerprintField = "dau-van-ban";

    public const string ReadOnlyNote = "Bạn đang xem bản rà soát ở chế độ chỉ đọc: chỉ cán bộ của đơn vị ban hành văn bản, của đơn vị nhận hoặc tổng hợp báo cáo, và Sở Nội vụ mới được xác nhận tạo nhiệm vụ từ văn bản này.";

    /// <param name="posted">The officer's entries when the page comes back after a refused confirmation; null on GET.</param>
    /// <param name="error">Why the confirmation was refused (nothing was created), or null.</param>
    public static StringBuilder Render(TabRequest tab, DocumentReview review, IReadOnlySet<string> created, bool canConfirm, IFormCollection? posted = null, string? error = null)
    {
        var draft = review.Resolved.Draft;
        var html = Html.Begin(Title);
        html.Append("<h1>").Append(Title).Append("</h1>");
        if (error is not null)
        {
            html.Append("<div class=\"hop loi\" role=\"alert\" id=\"loi-xac-nhan\"><p>").Append(Html.Encode(error)).Append(" Chưa tạo nhiệm vụ nào; hãy sửa rồi xác nhận lại.</p></div>");
        }

        html.Append("<p class=\"meta\" id=\"van-ban\">").Append(Html.Encode(DocumentLine(review.Document, draft))).Append("</p>");

        if (draft.Messages.Count > 0)
        {
            html.Append("<section class=\"hop loi\" aria-labelledby=\"luu-y\" role=\"status\"><h2 id=\"luu-y\">Lưu ý khi rà soát</h2><ul>");
            foreach (var message in draft.Messages)
            {
                html.Append("<li>").Append(Html.Encode(message.Text)).Append("</li>");
            }

            html.Append("</ul></section>");
        }

        if (draft.IsEmpty)
        {
            html.Append("<p>Chưa có nhiệm vụ nào để xác nhận.")
                .Append(canConfirm ? " Bạn có thể thêm nhiệm vụ thủ công ở phần “Thêm nhiệm vụ thủ công” bên dưới.</p>" : "</p>");
            AppendCreated(html, tab, created);
            if (canConfirm)
            {
                AppendConfirmForm(html, tab, review, created, posted);
            }

            return html;
        }

        if (draft.Addressees.Count > 0)
        {
            html.Append("<section aria-labelledby=\"don-vi\"><h2 id=\"don-vi\">Đơn vị thực hiện (theo phần mở đầu)</h2><ul>");
            // The opening and the closing often name the same units; list each once.
            foreach (var addressee in draft.Addressees.DistinctBy(a => UnitNames.Canonical(a.Unit.Value.Name), StringComparer.Ordinal))
            {
                html.Append("<li>");
                UnitLabel.Append(html, review.Resolved, addressee.Unit);
                html.Append("</li>");
            }

            html.Append("</ul></section>");
        }

        html.Append("<section aria-labelledby=\"ds\"><h2 id=\"ds\">Các nhiệm vụ (").Append(draft.Items.Count.ToString(CultureInfo.InvariantCulture)).Append(")</h2>");
        if (created.Count > 0)
        {
            html.Append("<p class=\"hop\" id=\"da-tao\">").Append(string.Create(CultureInfo.InvariantCulture, $"Đã tạo nhiệm vụ cho {created.Count} mục của văn bản này; xác nhận lại không tạo trùng.")).Append("</p>");
        }

        AppendItems(html, tab, review.Resolved, draft.Items, created);
        html.Append("</section>");

        if (draft.Closing is { } closing)
        {
            html.Append("<section aria-labelledby=\"to-chuc\"><h2 id=\"to-chuc\">Tổ chức thực hiện (áp dụng cho cả văn bản)</h2>");
            html.Append("<p>").Append(Html.Encode(closing.Text.Value)).Append("</p>");
            AppendFacts(html, review.Resolved, closing, isClosing: true);
            html.Append("<p><a href=\"").Append(Html.Encode(tab.Link("muc/ket-luan"))).Append("\">Xem đoạn gốc</a></p></section>");
        }

        if (canConfirm)
        {
            AppendConfirmForm(html, tab, review, created, posted);
        }
        else
        {
            html.Append("<section aria-labelledby=\"xac-nhan\"><h2 id=\"xac-nhan\">Xác nhận</h2><p class=\"hop\" id=\"chi-doc\" role=\"note\">")
                .Append(Html.Encode(ReadOnlyNote)).Append("</p></section>");
        }

        if (created.Count > 0)
        {
            html.Append("<p><a href=\"").Append(Html.Encode(tab.Link("tien-do"))).Append("\">Xem tiến độ thực hiện các nhiệm vụ của văn bản</a></p>");
        }

        return html;
    }

    // Tasks added by hand are the only ones a draft without items can have.
    private static void AppendCreated(StringBuilder html, TabRequest tab, IReadOnlySet<string> created)
    {
        if (created.Count > 0)
        {
            html.Append("<p class=\"hop\" id=\"da-tao\">").Append(string.Create(CultureInfo.InvariantCulture, $"Đã tạo nhiệm vụ cho {created.Count} mục của văn bản này (thêm thủ công); xác nhận lại không tạo trùng.")).Append("</p>")
                .Append("<p><a href=\"").Append(Html.Encode(tab.Link("tien-do"))).Append("\">Xem tiến độ thực hiện các nhiệm vụ của văn bản</a></p>");
        }
    }

    /// <summary>"Chỉ thị số 05/CT-UBND ngày 01/03/2022 của ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN: V/v …", from the host, else from the text.</summary>
    public static string DocumentLine(Document document, DirectiveDraft draft, bool withIssuerAndSubject = true)
    {
        var m = draft.Metadata;
        var kind = document.KindName is { Length: > 0 } k ? Sentence(k) : "Văn bản";
        var code = document.CodeAsPrinted is { Length: > 0 } c ? c : m.Number?.Value.ToString();
        var date = document.IssueDate is { Year: > 0 } d ? Html.Date(d) : m.IssueDate?.Value.ToString();
        var issuer = document.IssuerName is { Length: > 0 } i ? i : m.Issuer?.Value;
        var subject = document.Subject is { Length: > 0 } s ? s : m.Subject?.Value;
        var line = new StringBuilder(kind);
        if (!string.IsNullOrEmpty(code))
        {
            line.Append(" số ").Append(code);
        }

        if (!string.IsNullOrEmpty(date))
        {
            line.Append(" ngày ").Append(date);
        }

        if (!withIssuerAndSubject)
        {
            return line.ToString();
        }

        if (!string.IsNullOrEmpty(issuer))
        {
            line.Append(" của ").Append(issuer);
        }

        if (!string.IsNullOrEmpty(subject))
        {
            line.Append(": ").Append(subject);
        }

        return line.ToString();
    }

    private static void AppendItems(StringBuilder html, TabRequest tab, ResolvedDraft resolved, IReadOnlyList<DraftItem> items, IReadOnlySet<string> created)
    {
        html.Append("<ol class=\"muc\">");
        foreach (var item in items)
        {
            var id = "muc-" + item.Path.Replace('.', '-');
            html.Append("<li class=\"muc\" id=\"").Append(Html.Encode(id)).Append("\" data-path=\"").Append(Html.Encode(item.Path)).Append("\">");
            html.Append("<h3>Mục ").Append(Html.Encode(item.Path)).Append(created.Contains(item.Path) ? " <span class=\"tt-thuong\">đã tạo nhiệm vụ</span>" : string.Empty).Append("</h3>");
            html.Append("<p>").Append(Html.Encode(item.Text.Value));
            if (item.Text.Confidence < UnitLabel.LowConfidence)
            {
                UnitLabel.Confidence(html, item.Text.Confidence);
            }

            html.Append("</p>");
            AppendFacts(html, resolved, item, isClosing: false);
            html.Append("<p><a href=\"").Append(Html.Encode(tab.Link("muc/" + item.Path))).Append("\">Xem đoạn gốc của mục ").Append(Html.Encode(item.Path)).Append("</a></p>");
            if (item.Children.Count > 0)
            {
                AppendItems(html, tab, resolved, item.Children, created);
            }

            html.Append("</li>");
        }

        html.Append("</ol>");
    }

    private static void AppendFacts(StringBuilder html, ResolvedDraft resolved, DraftItem item, bool isClosing)
    {
        html.Append("<dl>");
        if (item.Lead is { } lead)
        {
            html.Append("<dt>Chủ trì</dt><dd>");
            UnitLabel.Append(html, resolved, lead);
            html.Append("</dd>");
        }

        AppendUnits(html, resolved, "Phối hợp", item.Cooperating);
        AppendUnits(html, resolved, "Thực hiện", item.Assignees);
        if (item.Lead is null && item.Assignees.Count == 0 && !isClosing)
        {
            html.Append("<dt>Thực hiện</dt><dd>Các đơn vị được giao ở phần mở đầu</dd>");
        }

        html.Append("<dt>Thời hạn</dt><dd>");
        if (item.Deadlines.Count == 0)
        {
            html.Append(isClosing ? "không nêu" : "không nêu riêng (theo thời hạn chung của văn bản)");
        }
        else
        {
            html.Append("<ul>");
            foreach (var due in item.Deadlines)
            {
                html.Append("<li class=\"han\">").Append(Html.Encode(due.Value.Describe()));
                UnitLabel.Confidence(html, due.Confidence);
                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</dd>");
        foreach (var report in item.Reports)
        {
            html.Append("<dt>Báo cáo</dt><dd>");
            var parts = 0;
            if (report.ReportTo is { } to)
            {
                html.Append("gửi ");
                UnitLabel.Append(html, resolved, to);
                parts++;
            }

            if (report.Via is { } via)
            {
                html.Append(parts++ > 0 ? ", qua " : "qua ");
                UnitLabel.Append(html, resolved, via);
            }

            if (report.Upstream is { } upstream)
            {
                html.Append(parts++ > 0 ? ", để báo cáo " : "để báo cáo ");
                UnitLabel.Append(html, resolved, upstream);
            }

            if (report.Due is { } reportDue)
            {
                html.Append(parts > 0 ? "; hạn " : "hạn ").Append(Html.Encode(reportDue.Value.Describe()));
            }

            html.Append("</dd>");
        }

        html.Append("</dl>");
    }

    private static void AppendUnits(StringBuilder html, ResolvedDraft resolved, string label, IReadOnlyList<Extracted<UnitMention>> units)
    {
        if (units.Count == 0)
        {
            return;
        }

        html.Append("<dt>").Append(label).Append("</dt><dd><ul>");
        foreach (var unit in units)
        {
            html.Append("<li>");
            UnitLabel.Append(html, resolved, unit);
            html.Append("</li>");
        }

        html.Append("</ul></dd>");
    }

    private static void AppendConfirmForm(StringBuilder html, TabRequest tab, DocumentReview review, IReadOnlySet<string> created, IFormCollection? posted)
    {
        var chosen = posted?["muc"].OfType<string>().ToHashSet(StringComparer.Ordinal);
        html.Append("<section aria-labelledby=\"xac-nhan\"><h2 id=\"xac-nhan\">Xác nhận</h2>")
            .Append("<form method=\"post\" action=\"").Append(Html.Encode(tab.Link("xac-nhan"))).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(FingerprintField).Append("\" value=\"").Append(Html.Encode(review.Fingerprint)).Append("\">");
        if (review.Resolved.Draft.Items.Count > 0)
        {
            html.Append("<fieldset><legend>Chọn các mục sẽ tạo thành nhiệm vụ (có thể sửa nội dung, đơn vị, thời hạn trước khi xác nhận)</legend>");
        }

        foreach (var item in review.Resolved.Draft.Items)
        {
            var id = "chon-" + item.Path.Replace('.', '-');
            var isChecked = chosen?.Contains(item.Path) ?? !created.Contains(item.Path);
            html.Append("<label for=\"").Append(id).Append("\"><input type=\"checkbox\" name=\"muc\" id=\"").Append(id).Append("\" value=\"").Append(Html.Encode(item.Path)).Append(isChecked ? "\" checked> Mục " : "\"> Mục ")
                .Append(Html.Encode(item.Path)).Append(": ").Append(Html.Encode(Short(item.Text.Value))).Append(created.Contains(item.Path) ? " (đã tạo)" : string.Empty).Append("</label>");
            if (!created.Contains(item.Path))
            {
                AppendEditFields(html, review, item, posted);
            }
        }

        if (review.Resolved.Draft.Items.Count > 0)
        {
            html.Append("</fieldset>");
        }

        AppendManualFields(html, posted, open: review.Resolved.Draft.IsEmpty);
        html.Append("<p><button type=\"submit\">Xác nhận tạo nhiệm vụ</button></p></form></section>");
    }

    private static void AppendManualFields(StringBuilder html, IFormCollection? posted, bool open)
    {
        string Value(string name) => posted is not null && posted.TryGetValue(name, out var v) ? (string?)v ?? string.Empty : string.Empty;
        html.Append("<details class=\"sua\" id=\"them\"").Append(open || Value(DraftEditForm.ManualContentField).Length > 0 ? " open" : string.Empty)
            .Append("><summary>Thêm nhiệm vụ thủ công</summary>")
            .Append("<label>Nội dung nhiệm vụ<textarea name=\"").Append(DraftEditForm.ManualContentField).Append("\" rows=\"3\">").Append(Html.Encode(Value(DraftEditForm.ManualContentField))).Append("</textarea></label>")
            .Append("<label>Đơn vị chủ trì (mã đơn vị, bắt buộc)<input type=\"text\" name=\"").Append(DraftEditForm.ManualLeadField).Append("\" value=\"").Append(Html.Encode(Value(DraftEditForm.ManualLeadField))).Append("\"></label>")
            .Append("<label>Đơn vị phối hợp (mã đơn vị, cách nhau bởi dấu phẩy)<input type=\"text\" name=\"").Append(DraftEditForm.ManualCooperatingField).Append("\" value=\"").Append(Html.Encode(Value(DraftEditForm.ManualCooperatingField))).Append("\"></label>")
            .Append("<label>Thời hạn (ngày/tháng/năm cho một lần, ví dụ 30/11/2026; ngày/tháng cho hằng năm, ví dụ 15/11; để trống: không có hạn)<input type=\"text\" name=\"").Append(DraftEditForm.ManualDueField)
            .Append("\" placeholder=\"30/11/2026\" value=\"").Append(Html.Encode(Value(DraftEditForm.ManualDueField))).Append("\"></label></details>");
    }

    private static void AppendEditFields(StringBuilder html, DocumentReview review, DraftItem item, IFormCollection? posted)
    {
        string Value(string name, string offered) => posted is not null && posted.TryGetValue(name, out var v) ? (string?)v ?? string.Empty : offered;
        var path = item.Path;
        html.Append("<details class=\"sua\"><summary>Sửa mục ").Append(Html.Encode(path)).Append(" trước khi xác nhận</summary>")
            .Append("<label>Nội dung<textarea name=\"").Append(Html.Encode(DraftEditForm.ContentField(path))).Append("\" rows=\"3\">")
            .Append(Html.Encode(Value(DraftEditForm.ContentField(path), item.Text.Value))).Append("</textarea></label>")
            .Append("<label>Đơn vị chủ trì (mã đơn vị; để trống: theo văn bản)<input type=\"text\" name=\"").Append(Html.Encode(DraftEditForm.LeadField(path))).Append("\" value=\"")
            .Append(Html.Encode(Value(DraftEditForm.LeadField(path), DraftEditForm.OfferedLead(review, item)))).Append("\"></label>")
            .Append("<label>Đơn vị phối hợp (mã đơn vị, cách nhau bởi dấu phẩy)<input type=\"text\" name=\"").Append(Html.Encode(DraftEditForm.CooperatingField(path))).Append("\" value=\"")
            .Append(Html.Encode(Value(DraftEditForm.CooperatingField(path), DraftEditForm.OfferedCooperating(review, item)))).Append("\"></label>")
            .Append("<label>Thời hạn (ngày/tháng/năm; để trống: theo văn bản)<input type=\"text\" name=\"").Append(Html.Encode(DraftEditForm.DueField(path))).Append("\" inputmode=\"numeric\" placeholder=\"15/11/2026\" value=\"")
            .Append(Html.Encode(Value(DraftEditForm.DueField(path), string.Empty))).Append("\"></label></details>");
    }

    public static string Short(string text) => text.Length <= 90 ? text : string.Concat(text.AsSpan(0, 90).TrimEnd(), "…");

    private static string Sentence(string text)
    {
        var lower = text.ToLower(CultureInfo.GetCultureInfo("vi-VN"));
        return lower.Length == 0 ? lower : string.Concat(char.ToUpper(lower[0], CultureInfo.GetCultureInfo("vi-VN")).ToString(), lower.AsSpan(1));
    }
}
