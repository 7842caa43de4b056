using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.HostSample.Data;

namespace DanVan.Plugins.HostSample.Tests;

/// <summary>The three seed directives are served with the NĐ 30/2020 fields as printed and their full text.</summary>
public sealed class SeedDocumentTests
{
    private static readonly HostStore Store = new(new HostLinks(new Uri("https://eoffice.example/")), FixedTimeProvider.Default);

    private static Document Doc(string id) => Store.FindDocument(id)!.Document;

    private static string SeedFile(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", name), Encoding.UTF8).Normalize(NormalizationForm.FormC);

    [Fact]
    public void Seed001_IsTheChairmansDirective_WithItsRecipientsAndFullText()
    {
        var d = Doc(SeedDocuments.Seed001);
        Assert.Equal(DocumentKind.Directive, d.Kind);
        Assert.Equal("CHỈ THỊ", d.KindName);
        Assert.Equal(SeedOrgUnits.Province, d.IssuerOrgUnitId);
        Assert.Equal(new Date { Year = 2022, Month = 2, Day = 21 }, d.IssueDate);
        Assert.Equal("Hưng Yên", d.Place);
        Assert.StartsWith("Về việc tiếp tục tăng cường và đổi mới công tác dân vận", d.Subject, StringComparison.Ordinal);
        Assert.Equal(("Trần Quốc Văn", "CHỦ TỊCH"), (d.Signer.FullName, d.Signer.Position));
        Assert.Empty(d.Number); // The seed prints no số hiệu: nothing is invented.
        Assert.Empty(d.Addressees);
        Assert.Equal(11, d.Recipients.Count);
        Assert.Equal("Bộ Nội vụ", d.Recipients[0].Text);
        Assert.Equal(SeedOrgUnits.FormerPartyMobilizationBoard, d.Recipients.Single(r => r.Text == "Ban Dân vận Tỉnh ủy").OrgUnitId);
        Assert.Equal(RecipientPurpose.Archive, d.Recipients[^1].Purpose);
        Assert.Equal(SeedFile("001_7fce036c04eb0980.txt"), d.FullText);
        Assert.Contains("trước ngày 15 tháng 11 hằng năm", d.FullText, StringComparison.Ordinal);
        Assert.Equal(TextFormat.Plain, d.TextFormat);
    }

    [Fact]
    public void Seed002_IsThePartyDirective_WithGroupedAnnotations()
    {
        var d = Doc(SeedDocuments.Seed002);
        Assert.Equal(DocumentKind.PartyDirective, d.Kind);
        Assert.Equal(SeedOrgUnits.FormerXuanTruongPartyCommittee, d.IssuerOrgUnitId);
        Assert.Null(d.IssueDate);
        Assert.Null(d.Signer);
        Assert.Empty(d.Number);
        Assert.Equal("Về tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác dân vận trong tình hình mới", d.Subject);
        Assert.Equal(8, d.Recipients.Count);
        Assert.All(d.Recipients.Take(2), r => Assert.Equal((RecipientPurpose.ForReport, "(để báo cáo)"), (r.Purpose, r.Annotation)));
        Assert.All(d.Recipients.Skip(2).Take(5), r => Assert.Equal((RecipientPurpose.ForAction, "(để t/h)"), (r.Purpose, r.Annotation)));
        Assert.Equal(RecipientPurpose.Archive, d.Recipients[^1].Purpose);
        Assert.Equal(SeedFile("002_dfaaf1583f758af9.txt"), d.FullText);
        Assert.Contains("Ban Dân vận Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy", d.FullText, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed003_IsTheLetterWithNoNumber_AndNoCompleteDate()
    {
        var d = Doc(SeedDocuments.Seed003);
        Assert.Equal(DocumentKind.OfficialLetter, d.Kind);
        Assert.Equal("ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI", d.IssuerName);
        Assert.Equal(SeedOrgUnits.FormerThapMuoiDistrict, d.IssuerOrgUnitId);
        Assert.Equal(("", "UBND-NV", "/UBND-NV"), (d.Number, d.Notation, d.CodeAsPrinted));
        Assert.Null(d.IssueDate); // "ngày tháng 11 năm 2023": the day is blank.
        Assert.Equal("Tháp Mười", d.Place);
        Assert.StartsWith("V/v tiếp tục triển khai thực hiện Chỉ thị số 33/CT-TTg", d.Subject, StringComparison.Ordinal);
        Assert.Equal(("Đoàn Thanh Bình", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"), (d.Signer.FullName, d.Signer.Position, d.Signer.Authority));
        Assert.Equal(["Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND huyện", "Ủy ban nhân dân các xã, thị trấn"], d.Addressees.Select(a => a.Text));
        Assert.Equal(RecipientPurpose.AsAbove, d.Recipients[0].Purpose);
        Assert.Equal(TextFormat.Markdown, d.TextFormat);
        Assert.Equal(SeedFile("003_cb284b1fa5ed9bb1.txt"), d.FullText);
        Assert.Contains("**trước ngày 20 tháng 10**", d.FullText, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDocument_ReferencesKnownUnitsUsersAndDocuments_AndItsFilesHashRight()
    {
        foreach (var seed in Store.Documents)
        {
            var d = seed.Document;
            Assert.True(d.IssuerOrgUnitId.Length == 0 || Store.FindUnit(d.IssuerOrgUnitId) is not null, $"{d.Id}: issuer {d.IssuerOrgUnitId}");
            Assert.All(d.Addressees.Concat(d.Recipients).Where(r => r.OrgUnitId.Length > 0), r => Assert.NotNull(Store.FindUnit(r.OrgUnitId)));
            Assert.True(d.Signer is null || d.Signer.UserId.Length == 0 || Store.FindUser(d.Signer.UserId) is not null, $"{d.Id}: signer");
            Assert.All(seed.ReceivedBy.Concat(seed.RestrictedTo), u => Assert.NotNull(Store.FindUnit(u)));
            if (d.ReplacedByDocumentId.Length > 0)
            {
                Assert.Equal(DocumentStatus.Replaced, d.Status);
                Assert.Equal(d.Id, Store.FindDocument(d.ReplacedByDocumentId)!.Document.ReplacesDocumentId);
            }

            Assert.StartsWith("https://eoffice.example/van-ban/", d.DeepLink.Url, StringComparison.Ordinal);
            foreach (var a in d.Attachments)
            {
                var content = Store.FindAttachment(a.Id)!.Value.Content;
                Assert.Equal(a.SizeBytes, content.Length);
                Assert.Equal(a.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
            }
        }
    }

    [Fact]
    public void TheWellKnownIds_ThatOtherPartsUse_Exist()
    {
        Assert.All([SeedDocuments.Seed001, SeedDocuments.Seed002, SeedDocuments.Seed003, SeedDocuments.ReportRequest, SeedDocuments.Draft],
            id => Assert.NotNull(Store.FindDocument(id)));
        Assert.All([SeedUsers.ProvincialAdmin, SeedUsers.Appraiser, SeedUsers.TanHungOfficer, SeedUsers.TanHungChairman, SeedUsers.PhoHienOfficer, SeedUsers.FinanceOfficer],
            id => Assert.True(Store.FindUser(id)!.Active));
        Assert.Contains(Store.FindUser(SeedUsers.TanHungOfficer)!.RoleAssignments, a => a.Role == Role.CommuneOfficer && a.OrgUnitId == SeedOrgUnits.TanHung);
        Assert.Contains(Store.FindUser(SeedUsers.Appraiser)!.RoleAssignments, a => a.Role == Role.HomeAffairsAppraiser && a.OrgUnitId == SeedOrgUnits.HomeAffairs);
        Assert.Contains(Store.FindUser(SeedUsers.ProvincialAdmin)!.RoleAssignments, a => a.Role == Role.ProvincialAdmin && a.OrgUnitId == SeedOrgUnits.Province);
    }
}
