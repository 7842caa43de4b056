using System.Security.Cryptography;
using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.HostSample.Text;
using Google.Protobuf.WellKnownTypes;
using static DanVan.Plugins.HostSample.Data.SeedOrgUnits;

namespace DanVan.Plugins.HostSample.Data;

/// <summary>
/// The documents of the sample e-office: the three seed directives (fields as printed in shared/seeds,
/// nothing invented: 001 and 002 print no số, 003 prints "Số: /UBND-NV" and no day) with their full
/// text, and a few ordinary incoming, outgoing, internal and draft documents with attachments.
/// </summary>
internal static class SeedDocuments
{
    public const string Seed001 = "vb-001-chi-thi-ubnd-tinh-2022";
    public const string Seed002 = "vb-002-chi-thi-huyen-uy-xuan-truong";
    public const string Seed003 = "vb-003-cv-ubnd-huyen-thap-muoi-2023";
    public const string MinistryLetter = "vb-004-cv-bnv-2025";
    public const string EvaluationDecision2025 = "vb-005-qd-04-2025-ubnd";
    public const string EvaluationDecision2020 = "vb-006-qd-02-2020-ubnd";
    public const string ReportRequest = "vb-007-cv-snv-bao-cao-2026";
    public const string TanHungPlan = "vb-008-kh-xa-tan-hung-2026";
    public const string Draft = "vb-009-du-thao-snv";

    private static readonly DateTimeOffset Imported = new(2025, 7, 1, 1, 0, 0, TimeSpan.Zero);

    /// <summary>The text of a seed file (embedded verbatim from shared/seeds), in NFC.</summary>
    public static string SeedText(string fileName)
    {
        using var stream = typeof(SeedDocuments).Assembly.GetManifestResourceStream("Seeds." + fileName)
            ?? throw new InvalidOperationException($"Seed {fileName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Normalize(NormalizationForm.FormC);
    }

    public static IReadOnlyList<SeedDocument> Build(HostLinks links, IReadOnlyList<string> allCommunes)
    {
        var b = new Builder(links);
        Directive001(b);
        Directive002(b);
        Letter003(b);
        Ordinary(b, allCommunes);
        return b.Documents;
    }

    private static void Directive001(Builder b)
    {
        var text = SeedText("001_7fce036c04eb0980.txt");
        var d = new Document
        {
            Id = Seed001,
            Direction = DocumentDirection.Outgoing,
            Status = DocumentStatus.Active,
            IssuerOrgUnitId = Province,
            IssuerName = "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN",
            Kind = DocumentKind.Directive,
            KindName = "CHỈ THỊ",
            IssueDate = CivilDates.ToProto(2022, 2, 21),
            Place = "Hưng Yên",
            Subject = "Về việc tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới",
            Signer = new Signer { FullName = "Trần Quốc Văn", Position = "CHỦ TỊCH", UserId = SeedUsers.FormerChairman },
            Urgency = DocumentUrgency.Normal,
            Confidentiality = DocumentConfidentiality.None,
            FullText = text,
            TextFormat = TextFormat.Plain,
        };
        d.Recipients.Add(
        [
            R("Bộ Nội vụ", MinistryOfHomeAffairs),
            R("Thường trực Tỉnh ủy", ProvincialPartyCommittee),
            R("Thường trực HĐND tỉnh", ProvincialCouncil),
            R("Chủ tịch, các Phó Chủ tịch UBND tỉnh"),
            R("Ban Dân vận Tỉnh ủy", FormerPartyMobilizationBoard),
            R("Các sở, ban, ngành tỉnh"),
            R("UBND các huyện, thị xã, thành phố"),
            R("Lãnh đạo VP UBND tỉnh"),
            R("Cổng thông tin điện tử tỉnh"),
            R("CV: HCTC"),
            R("Lưu: VT, CVNC", purpose: RecipientPurpose.Archive),
        ]);
        b.Add(d, Imported, receivedBy: [HomeAffairs, Finance, Education, Health, FormerHungYenCity, "ubnd-tx-my-hao", "ubnd-huyen-tien-lu"],
            files: [("Chi-thi-UBND-tinh-Hung-Yen-21-02-2022.txt", "text/plain", Encoding.UTF8.GetBytes(text), AttachmentRole.Main, false)]);
    }

    private static void Directive002(Builder b)
    {
        var text = SeedText("002_dfaaf1583f758af9.txt");
        var d = new Document
        {
            Id = Seed002,
            Direction = DocumentDirection.Incoming,
            Status = DocumentStatus.Completed,
            IssuerOrgUnitId = FormerXuanTruongPartyCommittee,
            // The heading is not in the seed's text; the issuer follows from item 3 ("huyện Xuân Trường").
            IssuerName = "HUYỆN ỦY XUÂN TRƯỜNG",
            Kind = DocumentKind.PartyDirective,
            KindName = "CHỈ THỊ",
            Subject = "Về tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác dân vận trong tình hình mới",
            Urgency = DocumentUrgency.Normal,
            Confidentiality = DocumentConfidentiality.None,
            FullText = text,
            TextFormat = TextFormat.Plain,
        };
        const string Report = "(để báo cáo)";
        const string Action = "(để t/h)";
        d.Recipients.Add(
        [
            R("Ban Thường vụ Tỉnh ủy", FormerNamDinhPartyCommittee, Report, RecipientPurpose.ForReport),
            R("Ban Dân vận Tỉnh ủy", "", Report, RecipientPurpose.ForReport),
            R("TT Huyện ủy - HĐND - UBND huyện", "", Action, RecipientPurpose.ForAction),
            R("Các đ/c Ủy viên BCH Đảng bộ huyện", "", Action, RecipientPurpose.ForAction),
            R("Các đảng bộ, chi bộ trực thuộc", "", Action, RecipientPurpose.ForAction),
            R("Các cơ quan, ban ngành, đoàn thể huyện", "", Action, RecipientPurpose.ForAction),
            R("Đảng ủy- HĐND- UBND các xã, thị trấn", "", Action, RecipientPurpose.ForAction),
            R("Lưu VP Huyện ủy", FormerXuanTruongPartyOffice, purpose: RecipientPurpose.Archive),
        ]);
        b.Add(d, Imported, receivedBy: [FormerXuanTruongDistrict, "ban-dan-van-huyen-uy-xuan-truong"],
            files: [("Chi-thi-BTV-Huyen-uy-Xuan-Truong.txt", "text/plain", Encoding.UTF8.GetBytes(text), AttachmentRole.Main, false)]);
    }

    private static void Letter003(Builder b)
    {
        var text = SeedText("003_cb284b1fa5ed9bb1.txt");
        var d = new Document
        {
            Id = Seed003,
            Direction = DocumentDirection.Incoming,
            Status = DocumentStatus.Active,
            IssuerOrgUnitId = FormerThapMuoiDistrict,
            IssuerName = "ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI",
            // "Số: /UBND-NV": the number was left blank on the printed letter.
            Number = "",
            Notation = "UBND-NV",
            CodeAsPrinted = "/UBND-NV",
            Kind = DocumentKind.OfficialLetter,
            KindName = "CÔNG VĂN",
            // "ngày tháng 11 năm 2023": the day is blank, so there is no complete date to give.
            Place = "Tháp Mười",
            Subject = "V/v tiếp tục triển khai thực hiện Chỉ thị số 33/CT-TTg của Thủ tướng Chính phủ và Quyết định số 311-QĐ/TU của Ban Thường vụ Tỉnh ủy",
            Signer = new Signer { FullName = "Đoàn Thanh Bình", Position = "CHỦ TỊCH", Authority = "TM. ỦY BAN NHÂN DÂN" },
            Urgency = DocumentUrgency.Normal,
            Confidentiality = DocumentConfidentiality.None,
            FullText = text,
            TextFormat = TextFormat.Markdown,
        };
        d.Addressees.Add(
        [
            R("Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND huyện"),
            R("Ủy ban nhân dân các xã, thị trấn"),
        ]);
        d.Recipients.Add(
        [
            R("Như trên", purpose: RecipientPurpose.AsAbove),
            R("TT.HU; TT.HĐND huyện"),
            R("CT, các PCT.UBND huyện"),
            R("UBMTTQVN và các tổ chức chính trị - xã hội huyện"),
            R("Ban Dân vận Huyện ủy"),
            R("LĐVP"),
            R("Lưu: VT, NCVN", purpose: RecipientPurpose.Archive),
        ]);
        b.Add(d, new DateTimeOffset(2023, 11, 20, 2, 0, 0, TimeSpan.Zero), receivedBy: [FormerThapMuoiHomeAffairs],
            files: [("Cong-van-UBND-huyen-Thap-Muoi-11-2023.md", "text/markdown", Encoding.UTF8.GetBytes(text), AttachmentRole.Main, false)]);
    }

    private static void Ordinary(Builder b, IReadOnlyList<string> allCommunes)
    {
        var letter = new Document
        {
            Id = MinistryLetter,
            Direction = DocumentDirection.Incoming,
            Status = DocumentStatus.Active,
            IssuerOrgUnitId = MinistryOfHomeAffairs,
            IssuerName = "BỘ NỘI VỤ",
            IssuerIdentifierCode = "000.00.00.G13",
            Number = "9086",
            Notation = "BNV-CTTN&BĐG",
            CodeAsPrinted = "9086/BNV-CTTN&BĐG",
            Kind = DocumentKind.OfficialLetter,
            KindName = "CÔNG VĂN",
            IssueDate = CivilDates.ToProto(2025, 10, 8),
            Place = "Hà Nội",
            Subject = "V/v hướng dẫn xây dựng quy định tiêu chí đánh giá, xếp loại công tác dân vận và thực hiện dân chủ ở cơ sở",
            Urgency = DocumentUrgency.Normal,
            Confidentiality = DocumentConfidentiality.None,
            ArrivalNumber = "1532",
            ArrivalDate = CivilDates.ToProto(2025, 10, 10),
            EdxmlDocumentId = "000.00.00.G13,2025/10/08,9086/BNV-CTTN&BĐG",
            FullText = "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n"
                + "Bộ Nội vụ gửi kèm theo Công văn này mẫu Quy định tiêu chí đánh giá, xếp loại công tác dân vận và thực hiện dân chủ ở cơ sở "
                + "để Ủy ban nhân dân các tỉnh, thành phố nghiên cứu, ban hành quy định của địa phương, áp dụng từ năm 2026.\n\n"
                + "(Văn bản mẫu của hệ thống e-office thử nghiệm.)",
            TextFormat = TextFormat.Plain,
        };
        letter.Addressees.Add(R("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"));
        letter.Recipients.Add([R("Như trên", purpose: RecipientPurpose.AsAbove), R("Lưu: VT, CTTN&BĐG", purpose: RecipientPurpose.Archive)]);
        b.Add(letter, new DateTimeOffset(2025, 10, 10, 2, 15, 0, TimeSpan.Zero), receivedBy: [Province, HomeAffairs],
            files:
            [
                ("9086-BNV-CTTN-BDG.pdf", "application/pdf", Pdf("Công văn 9086/BNV-CTTN&BĐG", 24_000), AttachmentRole.Main, true),
                ("Mau-quy-dinh-tieu-chi-danh-gia.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    Filler("Phụ lục: mẫu quy định tiêu chí đánh giá, xếp loại", 200_000), AttachmentRole.Appendix, false),
            ]);

        var old = new Document
        {
            Id = EvaluationDecision2020,
            Direction = DocumentDirection.Outgoing,
            Status = DocumentStatus.Replaced,
            IssuerOrgUnitId = Province,
            IssuerName = "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN",
            Number = "02",
            Notation = "2020/QĐ-UBND",
            CodeAsPrinted = "02/2020/QĐ-UBND",
            Kind = DocumentKind.LegalNormative,
            KindName = "QUYẾT ĐỊNH",
            IssueDate = CivilDates.ToProto(2020, 1, 8),
            Place = "Hưng Yên",
            Subject = "Ban hành Quy định tiêu chí, thang điểm, phương pháp đánh giá, xếp loại kết quả thực hiện công tác dân vận chính quyền của các cơ quan hành chính nhà nước, đơn vị sự nghiệp công lập, doanh nghiệp có vốn nhà nước trên địa bàn tỉnh Hưng Yên",
            Urgency = DocumentUrgency.Normal,
            Confidentiality = DocumentConfidentiality.None,
            ReplacedByDocumentId = EvaluationDecision2025,
        };
        b.Add(old, new DateTimeOffset(2020, 1, 8, 3, 0, 0, TimeSpan.Zero), receivedBy: [HomeAffairs], files: []);

        var decision = new Document
        {
            Id = EvaluationDecision2025,
            Direction = DocumentDirection.Outgoing,
            Status = DocumentStatus.Active,
            IssuerOrgUnitId = Province,
            IssuerName = "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN",
            Number = "04",
            Notation = "2025/QĐ-UBND",
            CodeAsPrinted = "04/2025/QĐ-UBND",
            Kind = DocumentKind.LegalNormative,
            KindName = "QUYẾT ĐỊNH",
            IssueDate = CivilDates.ToProto(2025, 2, 5),
            Place = "Hưng Yên",
            Subject = "Ban hành Quy định đánh giá, xếp loại kết quả thực hiện công tác dân vận chính quyền, chính quyền phục vụ người dân và doanh nghiệp của các cơ quan, đơn vị, địa phương trên địa bàn tỉnh Hưng Yên",
            Urgency = DocumentUrgency.Normal,
            Confidentiality = DocumentConfidentiality.None,
            ReplacesDocumentId = EvaluationDecision2020,
        };
        decision.LegalBases.Add(["Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022", "Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ"]);
        decision.Recipients.Add([R("Các sở, ban, ngành tỉnh"), R("UBND các xã, phường"), R("Lưu: VT", purpose: RecipientPurpose.Archive)]);
        b.Add(decision, new DateTimeOffset(2025, 2, 5, 3, 0, 0, TimeSpan.Zero), receivedBy: [HomeAffairs, Finance, Education, Health],
            files: [("04-2025-QD-UBND.pdf", "application/pdf", Pdf("Quyết định 04/2025/QĐ-UBND", 18_000), AttachmentRole.Main, true)]);

        var request = new Document
        {
            Id = ReportRequest,
            Direction = DocumentDirection.Outgoing,
            Status = DocumentStatus.Active,
            IssuerOrgUnitId = HomeAffairs,
            IssuerName = "SỞ NỘI VỤ",
            IssuerParentName = "UBND TỈNH HƯNG YÊN",
            Number = "2150",
            Notation = "SNV-XDCQ",
            CodeAsPrinted = "2150/SNV-XDCQ",
            Kind = DocumentKind.OfficialLetter,
            KindName = "CÔNG VĂN",
            IssueDate = CivilDates.ToProto(2026, 10, 20),
            Place = "Hưng Yên",
            Subject = "V/v báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2026",
            Signer = new Signer { FullName = "Trần Văn Hùng", Position = "GIÁM ĐỐC", UserId = "u-snv-giam-doc" },
            Urgency = DocumentUrgency.Urgent,
            Confidentiality = DocumentConfidentiality.None,
            DueDate = CivilDates.ToProto(2026, 11, 15),
            FullText = "Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- UBND các xã, phường.\n\n"
                + "Thực hiện Chỉ thị của Chủ tịch UBND tỉnh về công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp, "
                + "Sở Nội vụ đề nghị các cơ quan, đơn vị, địa phương tự đánh giá, chấm điểm kết quả thực hiện công tác dân vận chính quyền năm 2026 "
                + "và gửi báo cáo về Sở Nội vụ (qua Phòng Xây dựng chính quyền) trước ngày 15 tháng 11 năm 2026.\n\n"
                + "(Văn bản mẫu của hệ thống e-office thử nghiệm.)",
            TextFormat = TextFormat.Plain,
        };
        request.Addressees.Add([R("Các sở, ban, ngành tỉnh"), R("UBND các xã, phường")]);
        request.Recipients.Add(
        [
            R("Như trên", purpose: RecipientPurpose.AsAbove),
            R("UBND tỉnh", Province, "(để báo cáo)", RecipientPurpose.ForReport),
            R("Ban Tuyên giáo và Dân vận Tỉnh ủy", PartyPropagandaAndMobilization, "(để phối hợp)", RecipientPurpose.ForCoordination),
            R("Lưu: VT, XDCQ", purpose: RecipientPurpose.Archive),
        ]);
        b.Add(request, new DateTimeOffset(2026, 10, 20, 2, 0, 0, TimeSpan.Zero), receivedBy: [Finance, Education, Health, .. allCommunes],
            files: [("2150-SNV-XDCQ.pdf", "application/pdf", Pdf("Công văn 2150/SNV-XDCQ", 12_000), AttachmentRole.Main, true),
                    ("Mau-bao-cao-tu-danh-gia.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Filler("Mẫu báo cáo tự đánh giá", 0), AttachmentRole.Supporting, false)]);

        var plan = new Document
        {
            Id = TanHungPlan,
            Direction = DocumentDirection.Internal,
            Status = DocumentStatus.Active,
            IssuerOrgUnitId = TanHung,
            IssuerName = "ỦY BAN NHÂN DÂN XÃ TÂN HƯNG",
            IssuerParentName = "UBND TỈNH HƯNG YÊN",
            Number = "12",
            Notation = "KH-UBND",
            CodeAsPrinted = "12/KH-UBND",
            Kind = DocumentKind.Plan,
            KindName = "KẾ HOẠCH",
            IssueDate = CivilDates.ToProto(2026, 1, 15),
            Place = "Tân Hưng",
            Subject = "Thực hiện dân chủ ở cơ sở trên địa bàn xã năm 2026",
            Signer = new Signer { FullName = "Lương Văn Dũng", Position = "CHỦ TỊCH", Authority = "TM. ỦY BAN NHÂN DÂN", UserId = SeedUsers.TanHungChairman },
            Urgency = DocumentUrgency.Normal,
            Confidentiality = DocumentConfidentiality.None,
            FullText = "1. Niêm yết công khai các nội dung Nhân dân được biết tại trụ sở UBND xã và nhà văn hóa các thôn.\n"
                + "2. Tổ chức hội nghị Nhân dân ở các thôn An Chiểu, Đằng Châu, Phương Chiểu, Hoàng Hanh.\n"
                + "3. Báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15 tháng 12 năm 2026.\n\n"
                + "(Văn bản mẫu của hệ thống e-office thử nghiệm.)",
            TextFormat = TextFormat.Plain,
        };
        plan.Recipients.Add([R("Các thôn"), R("Lưu: VT", purpose: RecipientPurpose.Archive)]);
        b.Add(plan, new DateTimeOffset(2026, 1, 15, 2, 0, 0, TimeSpan.Zero), receivedBy: [TanHung, "thon-an-chieu", "thon-dang-chau", "thon-phuong-chieu", "thon-hoang-hanh"],
            restrictedTo: [TanHung], files: []);

        var draft = new Document
        {
            Id = Draft,
            Direction = DocumentDirection.Outgoing,
            Status = DocumentStatus.Draft,
            IssuerOrgUnitId = HomeAffairs,
            IssuerName = "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN",
            Notation = "QĐ-UBND",
            CodeAsPrinted = "/QĐ-UBND",
            Kind = DocumentKind.Decision,
            KindName = "QUYẾT ĐỊNH",
            Subject = "Ban hành Quy định tiêu chí đánh giá, xếp loại công tác dân vận và thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Hưng Yên (dự thảo)",
            Urgency = DocumentUrgency.Normal,
            Confidentiality = DocumentConfidentiality.None,
        };
        b.Add(draft, new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero), receivedBy: [], files: []);
    }

    private static Recipient R(string text, string orgUnitId = "", string annotation = "", RecipientPurpose purpose = RecipientPurpose.Unspecified) =>
        new() { Text = text, OrgUnitId = orgUnitId, Annotation = annotation, Purpose = purpose };

    /// <summary>A small stand-in PDF whose bytes are stable between runs (so the SHA-256 is too).</summary>
    private static byte[] Pdf(string title, int size) => Filler($"%PDF-1.4\n% Bản mẫu: {title}\n", size);

    private static byte[] Filler(string head, int size)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(head));
        var i = 0;
        while (bytes.Count < size)
        {
            bytes.Add((byte)('a' + (i++ % 26)));
        }

        return [.. bytes];
    }

    private sealed class Builder(HostLinks links)
    {
        public List<SeedDocument> Documents { get; } = [];

        public void Add(
            Document d,
            DateTimeOffset created,
            IReadOnlyList<string> receivedBy,
            IReadOnlyList<(string Name, string MediaType, byte[] Content, AttachmentRole Role, bool Signed)> files,
            IReadOnlyList<string>? restrictedTo = null)
        {
            var stamp = Timestamp.FromDateTimeOffset(created);
            d.CreateTime = stamp;
            d.UpdateTime = stamp;
            d.DeepLink = links.Document(d.Id, Title(d));
            var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var n = 1;
            foreach (var (name, mediaType, content, role, signed) in files)
            {
                var id = $"{d.Id}-tep-{n++}";
                d.Attachments.Add(new Attachment
                {
                    Id = id,
                    DocumentId = d.Id,
                    FileName = name,
                    MediaType = mediaType,
                    SizeBytes = content.Length,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                    Role = role,
                    DigitallySigned = signed,
                    CreateTime = stamp,
                });
                contents[id] = content;
            }

            Documents.Add(new SeedDocument(d, receivedBy, restrictedTo ?? [], contents));
        }

        private static string Title(Document d)
        {
            var kind = d.KindName.Length > 0 ? char.ToUpperInvariant(d.KindName[0]) + d.KindName[1..].ToLowerInvariant() : "Văn bản";
            return d.CodeAsPrinted.Length > 0 && d.Number.Length > 0 ? $"{kind} {d.CodeAsPrinted}" : $"{kind}: {d.Subject}";
        }
    }
}
