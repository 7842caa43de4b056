using DanVan.Plugins.Contracts.Tasks.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Api;

namespace DanVan.Plugins.Tasks.Tests.Api;

/// <summary>Retries with a request_id: the first call's answer, once, also when the repeat races it; failures and other officers are not shared. Spans in code points.</summary>
public sealed class RequestIdsTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SameOfficerAndId_RunsOnce_EvenWhenTheRepeatRacesTheFirst()
    {
        var ids = new RequestIds(clock);
        var release = new TaskCompletionSource();
        var runs = 0;
        async Task<Report> Submit()
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return new Report { Id = Guid.NewGuid().ToString() };
        }

        var first = ids.RunAsync("u-a", "SubmitReport", "r-1", Submit);
        var racing = ids.RunAsync("u-a", "SubmitReport", "r-1", Submit);
        release.SetResult();
        var later = await ids.RunAsync("u-a", "SubmitReport", "r-1", Submit);
        var otherOfficer = await ids.RunAsync("u-b", "SubmitReport", "r-1", Submit);
        var noId = await ids.RunAsync("u-a", "SubmitReport", "", Submit);

        Assert.Equal((await first).Id, (await racing).Id);
        Assert.Equal((await first).Id, later.Id);
        Assert.NotEqual(later.Id, otherOfficer.Id);
        Assert.NotEqual(later.Id, noId.Id);
        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task AFailedCall_IsForgotten_SoItsRetryRuns_AndAnswersExpireAfterADay()
    {
        var ids = new RequestIds(clock);
        var runs = 0;
        Task<Report> Failing() { runs++; throw new RpcException(new Status(StatusCode.Aborted, "cũ")); }
        Task<Report> Working() { runs++; return Task.FromResult(new Report { Id = runs.ToString(System.Globalization.CultureInfo.InvariantCulture) }); }

        await Assert.ThrowsAsync<RpcException>(() => ids.RunAsync("u-a", "SubmitReport", "r-1", Failing));
        var retried = await ids.RunAsync("u-a", "SubmitReport", "r-1", Working);
        clock.Advance(RequestIds.KeepFor);
        var nextDay = await ids.RunAsync("u-a", "SubmitReport", "r-1", Working);

        Assert.Equal("2", retried.Id);
        Assert.Equal("3", nextDay.Id);
    }

    [Fact]
    public async Task ATooLongId_IsInvalid()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => new RequestIds(clock).RunAsync("u-a", "SubmitReport", new string('x', 129), () => Task.FromResult(new Report())));

        Assert.Equal(["request_id"], TasksApiHost.Fields(ex));
    }

    [Fact]
    public void CodePoints_CountAnAstralCharacterOnce()
    {
        var index = new CodePointIndex("Ký 🖋 xong");

        Assert.Equal([0, 3, 4, 6, 7], new[] { 0, 3, 5, 7, 8 }.Select(index.At));
    }
}
