using System.Diagnostics;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Interop.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace DanVan.Plugins.Interop.Tests;

/// <summary>Our client (GrpcChannel + generated client) against the stock interop servers (python grpcio, node grpc-js).</summary>
public sealed class OurClientVsPeerServersTests(PeerServersFixture servers) : IClassFixture<PeerServersFixture>
{
    private const int MiB = 1024 * 1024;
    private static readonly byte[] TrailerBytes = [0x00, 0x01, 0xfe, 0xff];

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Unary_echoes_message_and_payload(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            var payload = Enumerable.Range(0, 1024).Select(i => (byte)i).ToArray();
            var call = Client(channel).EchoAsync(new EchoRequest { Message = "hello", Payload = ByteString.CopyFrom(payload) });
            var response = await Within(server, call.ResponseAsync);
            Assert.Equal("hello", response.Message);
            Assert.Equal(payload, response.Payload.ToByteArray());
            Assert.Equal(0, response.Index);
            Assert.Equal("identity", response.RequestEncoding);
            Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Large_messages_of_3_MiB_go_both_ways(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            var client = Client(channel);
            var big = new byte[3 * MiB];
            for (var i = 0; i < big.Length; i++)
            {
                big[i] = (byte)((i * 7 + 3) % 251);
            }

            var generated = await Within(server, client.EchoAsync(new EchoRequest { Message = "large", Payload = ByteString.CopyFrom(big), ResponseSize = 3 * MiB }).ResponseAsync);
            Assert.Equal("large", generated.Message);
            Assert.Equal(3 * MiB, generated.Payload.Length);
            Assert.True(generated.Payload.Span.IndexOfAnyExcept((byte)'a') < 0, "The 3 MiB response payload is not all 0x61.");

            var echoed = await Within(server, client.EchoAsync(new EchoRequest { Message = "large-echo", Payload = ByteString.CopyFrom(big) }).ResponseAsync);
            Assert.True(echoed.Payload.Span.SequenceEqual(big), $"The 3 MiB payload did not round-trip byte-exact (got {echoed.Payload.Length} bytes).");
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Server_stream_delivers_5_items_in_order(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            using var call = Client(channel).ServerStream(new StreamRequest { Count = 5, IntervalMs = 10, ResponseSize = 8 });
            var items = await Within(server, ReadAllAsync(call.ResponseStream));
            Assert.Equal(Enumerable.Range(0, 5).Select(i => ($"item-{i}", i)), items.Select(r => (r.Message, r.Index)));
            Assert.All(items, r => Assert.Equal("aaaaaaaa", r.Payload.ToStringUtf8()));
            Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Server_stream_then_ABORTED_keeps_items_and_message(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            using var call = Client(channel).ServerStream(new StreamRequest { Count = 2, FinalStatus = new ResponseStatus { Code = 10, Message = "aborted after 2" } });
            var items = new List<EchoResponse>();
            var ex = await Within(server, Assert.ThrowsAsync<RpcException>(async () =>
            {
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                    items.Add(call.ResponseStream.Current);
                }
            }));
            Assert.Equal(StatusCode.Aborted, ex.StatusCode);
            Assert.Equal("aborted after 2", ex.Status.Detail);
            Assert.Equal([("item-0", 0), ("item-1", 1)], items.Select(r => (r.Message, r.Index)));
            Assert.Equal(StatusCode.Aborted, call.GetStatus().StatusCode);
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Client_stream_joins_messages_and_sums_payloads(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            using var call = Client(channel).ClientStream();
            var sent = new[] { ("a", 1), ("b", 2), ("c", 3), ("d", 4) };
            foreach (var (message, size) in sent)
            {
                await Within(server, call.RequestStream.WriteAsync(new EchoRequest { Message = message, Payload = ByteString.CopyFrom(new byte[size]) }));
            }

            await call.RequestStream.CompleteAsync();
            var response = await Within(server, call.ResponseAsync);
            Assert.Equal("a,b,c,d", response.Message);
            Assert.Equal(4, response.Index);
            Assert.Equal(new string('a', 10), response.Payload.ToStringUtf8());
            Assert.Equal("identity", response.RequestEncoding);
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Duplex_ping_pong_in_lock_step(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            using var call = Client(channel).Duplex();
            for (var i = 0; i < 3; i++)
            {
                await Within(server, call.RequestStream.WriteAsync(new EchoRequest { Message = $"ping-{i}" }));
                Assert.True(await Within(server, call.ResponseStream.MoveNext(CancellationToken.None)), $"No answer to ping-{i}.");
                Assert.Equal($"ping-{i}", call.ResponseStream.Current.Message);
                Assert.Equal(i, call.ResponseStream.Current.Index);
            }

            await call.RequestStream.CompleteAsync();
            Assert.False(await Within(server, call.ResponseStream.MoveNext(CancellationToken.None)), "A response came after the half-close.");
            Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Every_status_code_1_to_16_arrives_with_its_message(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            var client = Client(channel);
            for (var code = 1; code <= 16; code++)
            {
                var request = new EchoRequest { RespondWithStatus = new ResponseStatus { Code = code, Message = $"code {code}" } };
                var ex = await Within(server, Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(request).ResponseAsync));
                Assert.Equal((StatusCode)code, ex.StatusCode);
                Assert.Equal($"code {code}", ex.Status.Detail);
            }
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Unicode_status_message_arrives_exactly(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            const string message = "bad name: fail ✓ 100%";
            var request = new EchoRequest { RespondWithStatus = new ResponseStatus { Code = 3, Message = message } };
            var ex = await Within(server, Assert.ThrowsAsync<RpcException>(() => Client(channel).EchoAsync(request).ResponseAsync));
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
            Assert.Equal(message, ex.Status.Detail);
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Status_details_decode_as_google_rpc_Status_with_BadRequest(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            const string message = "request is invalid";
            var request = new EchoRequest { RespondWithStatus = new ResponseStatus { Code = 3, Message = message, WithDetails = true } };
            var ex = await Within(server, Assert.ThrowsAsync<RpcException>(() => Client(channel).EchoAsync(request).ResponseAsync));
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
            Assert.Equal(message, ex.Status.Detail);
            var status = ex.GetRpcStatus();
            Assert.NotNull(status);
            Assert.Equal(3, status.Code);
            Assert.Equal(message, status.Message);
            Assert.Equal("type.googleapis.com/google.rpc.BadRequest", Assert.Single(status.Details).TypeUrl);
            var badRequest = status.GetDetail<BadRequest>();
            Assert.NotNull(badRequest);
            var violation = Assert.Single(badRequest.FieldViolations);
            Assert.Equal(("message", "must not be empty"), (violation.Field, violation.Description));
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Deadline_of_300_ms_on_a_5_s_call_gives_DEADLINE_EXCEEDED(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            var clock = Stopwatch.StartNew();
            var call = Client(channel).EchoAsync(new EchoRequest { Message = "slow", DelayMs = 5000 }, deadline: DateTime.UtcNow.AddMilliseconds(300));
            var ex = await Within(server, Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync));
            clock.Stop();
            Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(2500), $"DEADLINE_EXCEEDED only after {clock.ElapsedMilliseconds} ms.");
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Cancelling_after_the_first_streamed_item_gives_CANCELLED(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            using var cts = new CancellationTokenSource();
            using var call = Client(channel).ServerStream(new StreamRequest { Count = 100, IntervalMs = 50 }, cancellationToken: cts.Token);
            Assert.True(await Within(server, call.ResponseStream.MoveNext(CancellationToken.None)), "The stream ended before its first item.");
            Assert.Equal(("item-0", 0), (call.ResponseStream.Current.Message, call.ResponseStream.Current.Index));
            await cts.CancelAsync();
            var ex = await Within(server, Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None)));
            Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
            Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Metadata_goes_both_ways_on_unary(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            var call = Client(channel).EchoAsync(new EchoRequest { Message = "md" }, EchoHeaders());
            var headers = await Within(server, call.ResponseHeadersAsync);
            var response = await Within(server, call.ResponseAsync);
            Assert.Equal("md", response.Message);
            AssertEchoed(headers, call.GetTrailers());
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Metadata_goes_both_ways_on_streams(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            var client = Client(channel);

            using (var call = client.ServerStream(new StreamRequest { Count = 1 }, EchoHeaders()))
            {
                var headers = await Within(server, call.ResponseHeadersAsync);
                Assert.Single(await Within(server, ReadAllAsync(call.ResponseStream)));
                AssertEchoed(headers, call.GetTrailers());
            }

            using (var call = client.ClientStream(EchoHeaders()))
            {
                await Within(server, call.RequestStream.WriteAsync(new EchoRequest { Message = "x" }));
                await call.RequestStream.CompleteAsync();
                Assert.Equal("x", (await Within(server, call.ResponseAsync)).Message);
                AssertEchoed(await call.ResponseHeadersAsync, call.GetTrailers());
            }

            using (var call = client.Duplex(EchoHeaders()))
            {
                await Within(server, call.RequestStream.WriteAsync(new EchoRequest { Message = "y" }));
                await call.RequestStream.CompleteAsync();
                var items = await Within(server, ReadAllAsync(call.ResponseStream));
                Assert.Equal(["y"], items.Select(r => r.Message));
                AssertEchoed(await call.ResponseHeadersAsync, call.GetTrailers());
            }
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Gzip_request_compression_is_seen_by_the_server(string peer)
    {
        await AgainstAsync(peer, new GrpcChannelOptions { CompressionAlgorithm = "gzip" }, async (server, channel) =>
        {
            var payload = new byte[4096];
            payload.AsSpan().Fill((byte)'z');
            var response = await Within(server, Client(channel).EchoAsync(new EchoRequest { Message = "gzip", Payload = ByteString.CopyFrom(payload) }).ResponseAsync);
            Assert.Equal("gzip", response.RequestEncoding);
            Assert.Equal(payload, response.Payload.ToByteArray());
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Unknown_method_and_service_give_UNIMPLEMENTED(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            foreach (var (service, method) in new[] { (InteropService.ServiceName, "NoSuchMethod"), ("no.Such", "Service") })
            {
                var descriptor = new Method<EchoRequest, EchoResponse>(MethodType.Unary, service, method, EchoRequest.Parser, EchoResponse.Parser);
                var call = channel.CreateCallInvoker().AsyncUnaryCall(descriptor, null, default, new EchoRequest { Message = "x" });
                var ex = await Within(server, Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync));
                Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
            }
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Health_check_answers_SERVING_and_NOT_FOUND(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            var health = new Health.HealthClient(channel);
            foreach (var service in new[] { "", InteropService.ServiceName })
            {
                var response = await Within(server, health.CheckAsync(new HealthCheckRequest { Service = service }).ResponseAsync);
                Assert.Equal(ServingStatus.Serving, response.Status);
            }

            var ex = await Within(server, Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync));
            Assert.Equal(StatusCode.NotFound, ex.StatusCode);

            using var cts = new CancellationTokenSource();
            using var watch = health.Watch(new HealthCheckRequest { Service = "" }, cancellationToken: cts.Token);
            Assert.True(await Within(server, watch.ResponseStream.MoveNext(CancellationToken.None)), "Watch ended without a status.");
            Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);
            await cts.CancelAsync();
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Response_over_our_default_4_MiB_limit_gives_RESOURCE_EXHAUSTED(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            var call = Client(channel).EchoAsync(new EchoRequest { Message = "big", ResponseSize = 5 * MiB });
            var ex = await Within(server, Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync));
            Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        });
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task One_channel_carries_200_sequential_calls(string peer)
    {
        await AgainstAsync(peer, null, async (server, channel) =>
        {
            var client = Client(channel);
            for (var i = 0; i < 200; i++)
            {
                var response = await Within(server, client.EchoAsync(new EchoRequest { Message = $"call-{i}" }).ResponseAsync);
                Assert.Equal($"call-{i}", response.Message);
            }
        });
    }

    private static InteropService.InteropServiceClient Client(GrpcChannel channel) => new(channel);

    private static Metadata EchoHeaders() => new()
    {
        { InteropServiceImpl.EchoInitialKey, "hello-initial" },
        { InteropServiceImpl.EchoTrailingKey, TrailerBytes },
        { "x-custom", "v1" },
    };

    private static void AssertEchoed(Metadata headers, Metadata trailers)
    {
        Assert.Equal(["hello-initial"], headers.GetAll(InteropServiceImpl.EchoInitialKey).Select(e => e.Value));
        var trailer = Assert.Single(trailers.GetAll(InteropServiceImpl.EchoTrailingKey));
        Assert.True(trailer.IsBinary);
        Assert.Equal(TrailerBytes, trailer.ValueBytes);
    }

    private static async Task<List<T>> ReadAllAsync<T>(IAsyncStreamReader<T> reader)
    {
        var items = new List<T>();
        await foreach (var item in reader.ReadAllAsync())
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Runs a test body with a fresh channel to the peer's server; a failure carries the server's stderr.</summary>
    private async Task AgainstAsync(string peer, GrpcChannelOptions? options, Func<PeerServer, GrpcChannel, Task> body)
    {
        var server = await servers.GetAsync(peer);
        using var channel = GrpcChannel.ForAddress(server.Address, options);
        try
        {
            await body(server, channel);
        }
        catch (Exception ex) when (ex is not PeerTestFailure)
        {
            throw new PeerTestFailure($"{ex.GetType().Name}: {ex.Message}\n--- {server.Peer} server ({server.CommandLine}) stderr ---\n{server.Stderr}", ex);
        }
    }

    /// <summary>Awaits a step of a call, failing (with the server's stderr) rather than hanging if it takes over 30 s.</summary>
    private static async Task<T> Within<T>(PeerServer server, Task<T> task)
    {
        try
        {
            return await task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException ex)
        {
            throw new PeerTestFailure($"Timed out after 30 s against the {server.Peer} server ({server.CommandLine}).\n--- server stderr ---\n{server.Stderr}", ex);
        }
    }

    private static async Task Within(PeerServer server, Task task) => await Within(server, WithResult(task));

    private static async Task<bool> WithResult(Task task)
    {
        await task;
        return true;
    }
}

/// <summary>A failed step against a peer server, with the server's stderr in the message.</summary>
public sealed class PeerTestFailure(string message, Exception inner) : Exception(message, inner);
