using System.Text;
using DanVan.Plugins.Conformance.Infrastructure;
using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Conformance;

/// <summary>Vietnamese text is UTF-8 NFC everywhere (common.proto), and survives a round trip unchanged.</summary>
public sealed class TextTests(ConformanceHosts hosts) : ConformanceTest(hosts)
{
    [Theory, MemberData(nameof(Targets))]
    public async Task UnitAndUserNames_AreNfc(string target)
    {
        var host = await HostAsync(target);
        foreach (var unit in await Discovery.AllUnitsAsync(host))
        {
            AssertNfc(unit.Id, unit.FullName, unit.ShortName, unit.TypeLabel);
            AssertNfc(unit.Id, [.. unit.OtherNames]);
            AssertNfc(unit.Id, [.. unit.Successors.Select(s => s.Note)]);
        }

        foreach (var user in await Discovery.AllUsersAsync(host))
        {
            AssertNfc(user.Id, user.FullName, user.Position);
        }
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task DocumentText_IsNfc(string target)
    {
        var host = await HostAsync(target);
        foreach (var d in await Discovery.AllDocumentsAsync(host, new ListDocumentsRequest { IncludeRevoked = true, View = DocumentView.Full }))
        {
            AssertNfc(d.Id, d.IssuerName, d.IssuerParentName, d.Subject, d.KindName, d.Place, d.FullText, d.CodeAsPrinted, d.Signer?.FullName ?? "", d.Signer?.Position ?? "");
            AssertNfc(d.Id, [.. d.Addressees.Select(r => r.Text), .. d.Recipients.Select(r => r.Text), .. d.Recipients.Select(r => r.Annotation)]);
        }
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task VietnameseName_RoundTripsByteForByte(string target)
    {
        var host = await HostAsync(target);
        var units = await Discovery.AllUnitsAsync(host);
        var unit = units.First(u => Discovery.HasDiacritics(u.FullName));
        var found = await Discovery.AllUnitsAsync(host, new ListOrgUnitsRequest { IncludeDissolved = true, NameQuery = unit.FullName });
        var same = Assert.Single(found, u => u.Id == unit.Id);
        Assert.Equal(Encoding.UTF8.GetBytes(unit.FullName), Encoding.UTF8.GetBytes(same.FullName));
        var resolved = await host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = unit.FullName, AsOf = unit.ValidTo, MaxCandidates = 20 }, deadline: HostTarget.Deadline);
        Assert.All(resolved.Candidates, c => AssertNfc(c.OrgUnit.Id, c.MatchedName));
    }

    private static void AssertNfc(string owner, params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.True(text.IsNormalized(NormalizationForm.FormC), $"{owner}: \"{text}\" is not in Unicode NFC.");
        }
    }
}
