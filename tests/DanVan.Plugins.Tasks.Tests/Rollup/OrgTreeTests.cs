using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Rollup;
using static DanVan.Plugins.Tasks.Tests.Rollup.RollupDatabase;

namespace DanVan.Plugins.Tasks.Tests.Rollup;

/// <summary>The org tree the roll-up follows: successors followed transitively, dissolved units hidden, subtrees.</summary>
public sealed class OrgTreeTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Fact]
    public void Successors_AreFollowedTransitively_AndDissolvedUnitsLeaveTheTree()
    {
        var first = new OrgUnit { Id = "a", ParentId = Province, ValidTo = Day(2019, 12, 31) };
        first.Successors.Add(new OrgUnitSuccessor { OrgUnitId = OldCommune });
        var tree = new OrgTree([.. Units(), first], Today);

        Assert.Equal(TanHung, tree.Effective("a"));
        Assert.Equal(TanHung, tree.Effective(OldCommune));
        Assert.Equal(PhoHien, tree.Effective(District));
        Assert.Equal("khac", tree.Effective("khac"));
        Assert.Equal([Province], tree.Roots);
        Assert.Equal([HomeAffairs, TanHung, PhoHien], tree.ChildrenOf(Province));
        Assert.True(tree.IsWithin("a", Province));
        Assert.True(tree.IsWithin(OldCommune, TanHung));
        Assert.False(tree.IsWithin(TanHung, HomeAffairs));
    }

    [Fact]
    public void DissolvedWithoutSuccessor_StaysUnderItsParent_MarkedDissolved()
    {
        var closed = new OrgUnit { Id = "dong", ParentId = Province, FullName = "Ban Quản lý dự án", ValidTo = Day(2024, 1, 31) };
        var tree = new OrgTree([.. Units(), closed], Today);

        Assert.Equal("dong", tree.Effective("dong"));
        Assert.Contains("dong", tree.ChildrenOf(Province));
        Assert.Equal("Ban Quản lý dự án (đã giải thể)", tree.NameOf("dong"));
    }

    [Fact]
    public void UnitsWithin_ASuccessor_ListsThePredecessors()
    {
        var tree = new OrgTree(Units(), Today);

        Assert.Equal([TanHung, OldCommune], AssignmentRollup.UnitsWithin(tree, TanHung));
        Assert.Equal([PhoHien, District], AssignmentRollup.UnitsWithin(tree, PhoHien));
        Assert.Equal(6, AssignmentRollup.UnitsWithin(tree, Province).Count);
    }

    [Fact]
    public void ACycleOfParents_DoesNotHang()
    {
        var tree = new OrgTree([new OrgUnit { Id = "x", ParentId = "y" }, new OrgUnit { Id = "y", ParentId = "x" }], Today);

        Assert.Empty(tree.Roots);
        Assert.False(tree.IsWithin("x", "z"));
    }
}
