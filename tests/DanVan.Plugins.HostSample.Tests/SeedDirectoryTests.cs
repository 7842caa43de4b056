using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.HostSample.Data;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace DanVan.Plugins.HostSample.Tests;

/// <summary>The seeded directory is a sane dated tree after the 2025 reform, and every text is NFC.</summary>
public sealed class SeedDirectoryTests
{
    private static readonly DateOnly Reform = new(2025, 7, 1);
    private static readonly HostStore Store = new(new HostLinks(new Uri("https://eoffice.example/")), FixedTimeProvider.Default);

    [Fact]
    public void EveryParentExists_AndTheTreeHasNoCycle()
    {
        foreach (var unit in Store.Units)
        {
            var seen = new HashSet<string> { unit.Id };
            for (var parent = unit.ParentId; parent.Length > 0; parent = Store.FindUnit(parent)!.ParentId)
            {
                Assert.NotNull(Store.FindUnit(parent));
                Assert.True(seen.Add(parent), $"Cycle through {parent}");
            }

            Assert.Equal(seen.Count - 1, unit.Ancestors.Count);
        }
    }

    [Fact]
    public void DissolvedUnits_HaveValidTo_AndSuccessorsValidToday()
    {
        var dissolved = Store.Units.Where(u => u.ValidTo is not null).ToList();
        Assert.True(dissolved.Count >= 15, $"Only {dissolved.Count} dissolved units.");
        foreach (var unit in dissolved)
        {
            Assert.NotEmpty(unit.Successors);
            foreach (var link in unit.Successors)
            {
                var successor = Store.FindUnit(link.OrgUnitId);
                Assert.NotNull(successor);
                Assert.True(HostStore.IsValidOn(successor, new DateOnly(2026, 11, 21)), $"{unit.Id} → {link.OrgUnitId} is not valid today.");
                Assert.Equal(new DateOnly(link.EffectiveDate.Year, link.EffectiveDate.Month, link.EffectiveDate.Day),
                    new DateOnly(unit.ValidTo.Year, unit.ValidTo.Month, unit.ValidTo.Day).AddDays(1));
                Assert.Contains(unit.Id, successor.PredecessorIds);
            }
        }
    }

    [Fact]
    public void DistrictLevel_EndedOn30June2025_AndCommunesStartedOn1July()
    {
        var districtTypes = new[] { OrgUnitType.DistrictPeoplesCommittee, OrgUnitType.DistrictPeoplesCouncil, OrgUnitType.DistrictDivision };
        Assert.All(Store.Units.Where(u => districtTypes.Contains(u.Type) || u.Level == AdministrativeLevel.District),
            u => Assert.Equal(new Date { Year = 2025, Month = 6, Day = 30 }, u.ValidTo));
        var communes = Store.Units.Where(u => u.Type == OrgUnitType.CommunePeoplesCommittee && u.ValidTo is null && u.ParentId == SeedOrgUnits.Province).ToList();
        Assert.Equal(SeedOrgUnits.Communes.Count, communes.Count);
        Assert.All(communes, c => Assert.Equal(new Date { Year = Reform.Year, Month = Reform.Month, Day = Reform.Day }, c.ValidFrom));
        Assert.All(communes, c => Assert.Equal(4, Store.Units.Count(u => u.ParentId == c.Id && u.Type == OrgUnitType.CommuneDivision)));
        Assert.Equal(4, Store.Units.Count(u => u.ParentId == SeedOrgUnits.TanHung && u.Type == OrgUnitType.Village));
    }

    [Fact]
    public void TheSeedsFormerDistricts_AndTheFormerPartyBoard_ResolveToSuccessors()
    {
        Assert.Equal(["ubnd-xa-xuan-truong"], Store.FindUnit(SeedOrgUnits.FormerXuanTruongDistrict)!.Successors.Select(s => s.OrgUnitId));
        Assert.Equal(["ubnd-xa-thap-muoi"], Store.FindUnit(SeedOrgUnits.FormerThapMuoiHomeAffairs)!.Successors.Select(s => s.OrgUnitId));
        var board = Store.FindUnit(SeedOrgUnits.FormerPartyMobilizationBoard)!;
        Assert.Equal(SeedOrgUnits.PartyPropagandaAndMobilization, Assert.Single(board.Successors).OrgUnitId);
        Assert.Equal(SuccessionKind.Merged, board.Successors[0].Kind);
        Assert.Equal(3, Store.FindUnit(SeedOrgUnits.TanHung)!.PredecessorIds.Count(p => p.StartsWith("ubnd-xa-", StringComparison.Ordinal)));
    }

    [Fact]
    public void UsersRolesPointAtKnownUnits()
    {
        Assert.All(Store.Users, u =>
        {
            Assert.NotNull(Store.FindUnit(u.PrimaryOrgUnitId));
            Assert.All(u.RoleAssignments, a => Assert.NotNull(Store.FindUnit(a.OrgUnitId)));
        });
        Assert.True(Store.Users.Count(u => u.RoleAssignments.Any(a => a.Role == Role.CommuneOfficer)) >= 4);
    }

    [Fact]
    public void EveryStringServed_IsNfc()
    {
        var messages = Store.Units.Cast<IMessage>().Concat(Store.Users).Concat(Store.Documents.Select(d => d.Document));
        foreach (var message in messages)
        {
            foreach (var text in Strings(message))
            {
                Assert.True(text.IsNormalized(NormalizationForm.FormC), $"Not NFC: \"{text}\"");
            }
        }
    }

    private static IEnumerable<string> Strings(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            var values = field.IsRepeated ? ((System.Collections.IEnumerable)value).Cast<object>() : [value];
            foreach (var item in values)
            {
                if (item is string s)
                {
                    yield return s;
                }
                else if (field.FieldType == FieldType.Message && item is IMessage inner)
                {
                    foreach (var nested in Strings(inner))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }
}
