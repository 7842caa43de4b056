using System.Globalization;
using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.HostSample.Data;
using DanVan.Plugins.HostSample.Events;
using DanVan.Plugins.HostSample.Shell;
using DanVan.Plugins.HostSample.Shell.Pages;
using DanVan.Plugins.HostSample.Text;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using static DanVan.Plugins.HostSample.Shell.Formatting.Html;

namespace DanVan.Plugins.HostSample.Web;

/// <summary>
/// "Soạn văn bản": an officer issues a document from their unit (văn bản đi) or registers one
/// received (văn bản đến). Either way the e-office tells the plugin runtime (DocumentIssued /
/// DocumentReceived), which is how plugins learn of new directives without polling.
/// </summary>
internal static class IssueDocumentPage
{
    public const string Path = "/soan-van-ban";

    private static readonly (DocumentKind Kind, string Name, string Notation)[] Kinds =
    [
        (DocumentKind.Directive, "CHỈ THỊ", "CT"),
        (DocumentKind.OfficialLetter, "CÔNG VĂN", ""),
        (DocumentKind.Plan, "KẾ HOẠCH", "KH"),
        (DocumentKind.Notice, "THÔNG BÁO", "TB"),
        (DocumentKind.Decision, "QUYẾT ĐỊNH", "QĐ"),
    ];

    public static void MapIssueDocument(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext http, UserSession session, HostStore store, TimeProvider time, IOptions<ShellOptions> shell) =>
        {
            if (User(http, session, store) is not { } user)
            {
                return Results.Redirect("/dang-nhap");
            }

            return Page(user, shell.Value, Form(store, time, new Dictionary<string, string>(), []));
        });
        app.MapPost(Path, async (HttpContext http, UserSession session, HostStore store, RuntimeEventPublisher events, TimeProvider time, IOptions<ShellOptions> shell) =>
        {
            if (User(http, session, store) is not { } user)
            {
                return Results.Redirect("/dang-nhap");
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var values = form.Keys.ToDictionary(k => k, k => form[k].ToString().Normalize(NormalizationForm.FormC), StringComparer.Ordinal);
            var recipients = form["noi_nhan"].Where(id => id is not null).Select(id => id!).Distinct(StringComparer.Ordinal).ToList();
            var errors = Validate(values, recipients, store);
            if (errors.Count > 0)
            {
                return Page(user, shell.Value, Form(store, time, values, errors), StatusCodes.Status400BadRequest);
            }

            var document = Build(values, recipients, user, store, time);
            store.Add(new SeedDocument(document, document.Direction == DocumentDirection.Incoming ? [user.PrimaryOrgUnitId] : recipients, [], new Dictionary<string, byte[]>()));
            if (document.Direction == DocumentDirection.Outgoing)
            {
                events.Publish(Event.PayloadOneofCase.DocumentIssued, e => e.DocumentIssued = new DocumentIssuedEvent { DocumentId = document.Id, Document = document });
            }
            else
            {
                events.Publish(Event.PayloadOneofCase.DocumentReceived, e => e.DocumentReceived = new DocumentReceivedEvent { DocumentId = document.Id, Document = document, ReceivingOrgUnitIds = { user.PrimaryOrgUnitId } });
            }

            return Results.Redirect(HostLinks.DocumentPath + Uri.EscapeDataString(document.Id));
        });
    }

    private static User? User(HttpContext http, UserSession session, HostStore store) =>
        session.CurrentUserId(http) is { } id && store.FindUser(id) is { Active: true } user ? user : null;

    private static List<(string Field, string Message)> Validate(Dictionary<string, string> values, List<string> recipients, HostStore store)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(values.GetValueOrDefault("trich_yeu")))
        {
            errors.Add(("trich_yeu", "Vui lòng nhập trích yếu văn bản."));
        }

        if (string.IsNullOrWhiteSpace(values.GetValueOrDefault("noi_dung")))
        {
            errors.Add(("noi_dung", "Vui lòng nhập nội dung văn bản."));
        }

        if (!Kinds.Any(k => k.Kind.ToString() == values.GetValueOrDefault("loai")))
        {
            errors.Add(("loai", "Vui lòng chọn loại văn bản."));
        }

        if (values.GetValueOrDefault("so") is { Length: > 0 } number && !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors.Add(("so", "Số văn bản chỉ gồm chữ số (để trống nếu chưa cấp số)."));
        }

        if (values.GetValueOrDefault("huong") == "di" && recipients.Count == 0)
        {
            errors.Add(("noi_nhan", "Văn bản đi cần ít nhất một nơi nhận."));
        }

        if (recipients.Any(id => store.FindUnit(id) is null))
        {
            errors.Add(("noi_nhan", "Có nơi nhận không còn trong danh mục đơn vị."));
        }

        return errors;
    }

    private static Document Build(Dictionary<string, string> values, List<string> recipients, User user, HostStore store, TimeProvider time)
    {
        var kind = Kinds.Single(k => k.Kind.ToString() == values["loai"]);
        var issuer = store.FindUnit(user.PrimaryOrgUnitId)!;
        var number = values.GetValueOrDefault("so") ?? string.Empty;
        var notation = string.IsNullOrEmpty(kind.Notation) ? "UBND" : kind.Notation + "-UBND";
        var id = "vb-" + Guid.NewGuid().ToString("N")[..12];
        var now = Timestamp.FromDateTimeOffset(time.GetUtcNow());
        var document = new Document
        {
            Id = id,
            Direction = values.GetValueOrDefault("huong") == "den" ? DocumentDirection.Incoming : DocumentDirection.Outgoing,
            Status = DocumentStatus.Active,
            IssuerOrgUnitId = issuer.Id,
            IssuerName = issuer.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")),
            Number = number,
            Notation = notation,
            CodeAsPrinted = (number.Length > 0 ? number : string.Empty) + "/" + notation,
            Kind = kind.Kind,
            KindName = kind.Name,
            IssueDate = CivilDates.ToProto(CivilDates.Today(time)),
            Subject = values["trich_yeu"].Trim(),
            Signer = new Signer { FullName = user.FullName, Position = user.Position, UserId = user.Id },
            Urgency = DocumentUrgency.Normal,
            Confidentiality = DocumentConfidentiality.None,
            FullText = values["noi_dung"].Replace("\r\n", "\n", StringComparison.Ordinal),
            TextFormat = TextFormat.Plain,
            DeepLink = store.Links.Document(id, kind.Name + " " + values["trich_yeu"].Trim()),
            CreateTime = now,
            UpdateTime = now,
        };
        foreach (var unit in recipients.Select(r => store.FindUnit(r)!))
        {
            document.Recipients.Add(new Recipient { Text = unit.FullName, OrgUnitId = unit.Id, Purpose = RecipientPurpose.ForAction });
        }

        return document;
    }

    private static string Form(HostStore store, TimeProvider time, Dictionary<string, string> values, List<(string Field, string Message)> errors)
    {
        var today = CivilDates.Today(time);
        var html = new StringBuilder();
        html.Append("<h1>Soạn văn bản</h1>");
        if (errors.Count > 0)
        {
            html.Append("<div class=\"unavailable\" role=\"alert\"><strong>Chưa lưu được văn bản</strong><ul>");
            foreach (var (field, message) in errors)
            {
                html.Append("<li data-field=\"").Append(field).Append("\">").Append(E(message)).Append("</li>");
            }

            html.Append("</ul></div>");
        }

        var outgoing = values.GetValueOrDefault("huong") != "den";
        html.Append("<form method=\"post\" action=\"").Append(Path).Append("\" class=\"card\"><dl class=\"fields\">")
            .Append("<dt>Hướng</dt><dd><label><input type=\"radio\" name=\"huong\" value=\"di\"").Append(outgoing ? " checked" : string.Empty).Append("> Ban hành (văn bản đi)</label> ")
            .Append("<label><input type=\"radio\" name=\"huong\" value=\"den\"").Append(outgoing ? string.Empty : " checked").Append("> Vào sổ (văn bản đến)</label></dd>")
            .Append("<dt><label for=\"loai\">Loại văn bản</label></dt><dd><select id=\"loai\" name=\"loai\">");
        foreach (var (kind, name, _) in Kinds)
        {
            html.Append("<option value=\"").Append(kind).Append('"').Append(values.GetValueOrDefault("loai") == kind.ToString() ? " selected" : string.Empty).Append('>').Append(E(name)).Append("</option>");
        }

        html.Append("</select></dd>")
            .Append("<dt><label for=\"so\">Số</label></dt><dd><input id=\"so\" name=\"so\" inputmode=\"numeric\" value=\"").Append(E(values.GetValueOrDefault("so"))).Append("\"> <span class=\"muted\">Ngày ").Append(today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append("</span></dd>")
            .Append("<dt><label for=\"trich_yeu\">Trích yếu</label></dt><dd><input id=\"trich_yeu\" name=\"trich_yeu\" style=\"width:100%\" value=\"").Append(E(values.GetValueOrDefault("trich_yeu"))).Append("\"></dd>")
            .Append("<dt><label for=\"noi_dung\">Nội dung</label></dt><dd><textarea id=\"noi_dung\" name=\"noi_dung\" rows=\"12\" style=\"width:100%\">").Append(E(values.GetValueOrDefault("noi_dung"))).Append("</textarea></dd>")
            .Append("<dt><label for=\"noi_nhan\">Nơi nhận</label></dt><dd><select id=\"noi_nhan\" name=\"noi_nhan\" multiple size=\"8\" style=\"width:100%\">");
        foreach (var unit in store.Units.Where(u => HostStore.IsValidOn(u, today) && u.Type is OrgUnitType.CommunePeoplesCommittee or OrgUnitType.ProvincialDepartment or OrgUnitType.ProvincialPeoplesCommittee))
        {
            html.Append("<option value=\"").Append(E(unit.Id)).Append("\">").Append(E(unit.FullName)).Append("</option>");
        }

        html.Append("</select></dd></dl><p><button type=\"submit\">Lưu văn bản</button></p></form>");
        return html.ToString();
    }

    private static IResult Page(User user, ShellOptions shell, string body, int status = StatusCodes.Status200OK) =>
        Results.Content(PageLayout.Render("Soạn văn bản", user, Path, body, shell.ProvinceName), "text/html; charset=utf-8", Encoding.UTF8, status);
}
