using DanVan.Plugins.Grpc;
using DanVan.Plugins.TestPlugins.Greeter.V1;
using Microsoft.Extensions.Options;

namespace DanVan.Plugins.TestPlugins.Greeter;

internal sealed class GreeterServiceImpl(
    GreetingFormatter formatter,
    IEnumerable<IGreetingDecoration> decorations,
    ReceivedEvents received,
    IOptions<GreeterOptions> options,
    IOptionsMonitor<GreeterOptions> monitor,
    GreetingTally tally,
    GreetingJournal journal) : GreeterService.GreeterServiceBase
{
    // A call kept in flight by the test (name "chờ"): AppContext data is shared across load contexts.
    private const string EnteredKey = "danvan.testplugins.greeter.call-entered";
    private const string GateKey = "danvan.testplugins.greeter.call-gate";

    public override async Task<HelloResponse> SayHello(HelloRequest request, ServerCallContext context)
    {
        if (request.Name == "lỗi")
        {
            throw new InvalidOperationException("Cố ý lỗi trong xử lý.");
        }

        if (request.Name == "chờ")
        {
            (AppContext.GetData(EnteredKey) as TaskCompletionSource)?.TrySetResult();
            if (AppContext.GetData(GateKey) is Task gate)
            {
                await gate;
            }
        }

        if (request.DelayMs > 0)
        {
            await Task.Delay(request.DelayMs, context.CancellationToken);
        }

        tally.Add();
        journal.Note(request.Name);
        var message = decorations.Aggregate(formatter.Format(request.Name), (text, decoration) => decoration.Decorate(text));
        return new HelloResponse { Message = message, Version = formatter.Version };
    }

    public override Task<DescribeSettingsResponse> DescribeSettings(DescribeSettingsRequest request, ServerCallContext context) =>
        Task.FromResult(new DescribeSettingsResponse
        {
            GreetingWord = options.Value.GreetingWord,
            MaxNameLength = options.Value.MaxNameLength,
            MonitoredGreetingWord = monitor.CurrentValue.GreetingWord,
            Version = formatter.Version,
            OptionsJson = System.Text.Json.JsonSerializer.Serialize(options.Value),
        });

    public override Task<ListReceivedEventsResponse> ListReceivedEvents(ListReceivedEventsRequest request, ServerCallContext context)
    {
        var response = new ListReceivedEventsResponse { Version = formatter.Version };
        response.EventIds.AddRange(received.Ids);
        return Task.FromResult(response);
    }
}
