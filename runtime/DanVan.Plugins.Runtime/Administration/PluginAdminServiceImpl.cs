using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Security;
using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Packaging;
using Google.Protobuf.WellKnownTypes;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>
/// danvan.runtime.v1.PluginAdminService over <see cref="PluginAdministration"/>: only admin callers,
/// every action audited under the caller's name, refusals as gRPC statuses with Vietnamese details.
/// </summary>
internal sealed class PluginAdminServiceImpl(PluginAdministration admin, AdminOptions options, PluginRuntimeOptions runtimeOptions, TimeProvider time) : PluginAdminService.PluginAdminServiceBase
{
    private readonly InstalledPackages _packages = new(runtimeOptions.RootDirectory);

    private string PackagesDirectory => options.PackagesDirectory ?? Path.Combine(runtimeOptions.RootDirectory, "incoming");

    public override Task<ListPluginsResponse> ListPlugins(ListPluginsRequest request, ServerCallContext context)
    {
        Authorize(context);
        var response = new ListPluginsResponse();
        response.Plugins.AddRange(admin.List()
            .Where(p => request.States.Count == 0 || request.States.Contains(PluginMessages.ToProto(p.State)))
            .Select(Describe));
        return Task.FromResult(response);
    }

    public override Task<GetPluginResponse> GetPlugin(GetPluginRequest request, ServerCallContext context)
    {
        Authorize(context);
        return Task.FromResult(new GetPluginResponse { Plugin = Describe(Find(request.PluginId)) });
    }

    public override async Task<InstallPluginResponse> InstallPlugin(IAsyncStreamReader<InstallPluginRequest> requestStream, ServerCallContext context)
    {
        var actor = Authorize(context);
        using var upload = new PackageUpload(options.MaxPackageBytes);
        var installOptions = await upload.ReceiveAsync(requestStream, m => m.Options, m => m.Chunk, context.CancellationToken);

        if (installOptions is null)
        {
            throw RichStatus.InvalidArgument("The first message must carry the install options.", ("options", "Thiếu thông tin cài đặt ở thông điệp đầu tiên."));
        }

        var path = await upload.PackagePathOrAsync(installOptions.Package, PackagesDirectory, "options.package", context.CancellationToken);

        var status = await Run(() => admin.InstallAsync(path, actor, installOptions.AllowDowngrade, installOptions.Enable, installOptions.Reason, context.CancellationToken));
        return new InstallPluginResponse { Plugin = Describe(status) };
    }

    public override async Task<UpgradePluginResponse> UpgradePlugin(IAsyncStreamReader<UpgradePluginRequest> requestStream, ServerCallContext context)
    {
        var actor = Authorize(context);
        using var upload = new PackageUpload(options.MaxPackageBytes);
        var upgradeOptions = await upload.ReceiveAsync(requestStream, m => m.Options, m => m.Chunk, context.CancellationToken);

        if (upgradeOptions is null)
        {
            throw RichStatus.InvalidArgument("The first message must carry the upgrade options.", ("options", "Thiếu thông tin nâng cấp ở thông điệp đầu tiên."));
        }

        var current = Find(upgradeOptions.PluginId);
        if (upgradeOptions.ExpectedCurrentVersion.Length > 0 && upgradeOptions.ExpectedCurrentVersion != current.ActiveVersion)
        {
            throw new RpcException(new Status(StatusCode.Aborted, $"Plugin '{current.Id}' is at {current.ActiveVersion ?? "no version"}, not {upgradeOptions.ExpectedCurrentVersion}; reload and try again."));
        }

        var path = await upload.PackagePathOrAsync(upgradeOptions.Package, PackagesDirectory, "options.package", context.CancellationToken);

        var status = await Run(() => admin.UpgradeAsync(upgradeOptions.PluginId, path, actor, upgradeOptions.AllowDowngrade, upgradeOptions.Reason, context.CancellationToken), fieldPrefix: "options.");
        return new UpgradePluginResponse { Plugin = Describe(status) };
    }

    public override async Task<EnablePluginResponse> EnablePlugin(EnablePluginRequest request, ServerCallContext context)
    {
        var actor = Authorize(context);
        return new EnablePluginResponse { Plugin = Describe(await Run(() => admin.EnableAsync(request.PluginId, actor, reason: request.Reason, cancellationToken: context.CancellationToken))) };
    }

    public override async Task<DisablePluginResponse> DisablePlugin(DisablePluginRequest request, ServerCallContext context)
    {
        var actor = Authorize(context);
        return new DisablePluginResponse { Plugin = Describe(await Run(() => admin.DisableAsync(request.PluginId, actor, request.Reason, context.CancellationToken))) };
    }

    public override async Task<RollbackPluginResponse> RollbackPlugin(RollbackPluginRequest request, ServerCallContext context)
    {
        var actor = Authorize(context);
        var current = Find(request.PluginId);
        if (request.ExpectedCurrentVersion.Length > 0 && request.ExpectedCurrentVersion != current.ActiveVersion)
        {
            throw new RpcException(new Status(StatusCode.Aborted, $"Plugin '{current.Id}' is at {current.ActiveVersion ?? "no version"}, not {request.ExpectedCurrentVersion}; reload and try again."));
        }

        return new RollbackPluginResponse { Plugin = Describe(await Run(() => admin.RollbackAsync(request.PluginId, actor, request.Reason, context.CancellationToken))) };
    }

    public override async Task<UninstallPluginResponse> UninstallPlugin(UninstallPluginRequest request, ServerCallContext context)
    {
        var actor = Authorize(context);
        var status = await Run(() => admin.UninstallAsync(request.PluginId, actor, request.DeleteData, runtimeOptions.DataDirectory, request.Reason, context.CancellationToken));
        return new UninstallPluginResponse { PluginId = status.Id, Version = status.ActiveVersion ?? "" };
    }

    public override Task<GetPluginSettingsResponse> GetPluginSettings(GetPluginSettingsRequest request, ServerCallContext context)
    {
        Authorize(context);
        try
        {
            var (values, manifest) = admin.GetSettings(request.PluginId);
            return Task.FromResult(new GetPluginSettingsResponse { Settings = PluginSettingsMessages.ToProto(request.PluginId, runtimeOptions.ProvinceId, values, manifest) });
        }
        catch (KeyNotFoundException ex)
        {
            throw new RpcException(new Status(StatusCode.NotFound, ex.Message));
        }
    }

    public override async Task<UpdatePluginSettingsResponse> UpdatePluginSettings(UpdatePluginSettingsRequest request, ServerCallContext context)
    {
        var actor = Authorize(context);
        var (current, manifest) = GetSettingsOrNotFound(request.PluginId);
        if (request.Etag.Length > 0 && request.Etag != PluginSettingsMessages.Etag(current))
        {
            throw new RpcException(new Status(StatusCode.Aborted, "Thiết lập đã được người khác thay đổi; hãy tải lại rồi sửa tiếp."));
        }

        var incoming = PluginSettingsMessages.FromProto(request.Settings);
        var merged = new Dictionary<string, string>(current, StringComparer.OrdinalIgnoreCase);
        if (request.UpdateMask is { Paths.Count: > 0 } mask)
        {
            foreach (var path in mask.Paths)
            {
                if (incoming.TryGetValue(path, out var value))
                {
                    merged[path] = value;
                }
                else
                {
                    merged.Remove(path);
                }
            }
        }
        else
        {
            merged = incoming;
        }

        await Run(() => admin.UpdateSettingsAsync(request.PluginId, merged, actor, request.Reason, context.CancellationToken));
        return new UpdatePluginSettingsResponse { Settings = PluginSettingsMessages.ToProto(request.PluginId, runtimeOptions.ProvinceId, merged, manifest) };
    }

    public override async Task<DoctorResponse> Doctor(DoctorRequest request, ServerCallContext context)
    {
        Authorize(context);
        var plugins = admin.List().Where(p => request.PluginId.Length == 0 || p.Id == request.PluginId).ToList();
        if (request.PluginId.Length > 0 && plugins.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"No plugin '{request.PluginId}' is installed."));
        }

        var diagnostics = plugins.Select(PluginDoctor.Diagnose).ToList();
        var leaks = await admin.CheckLeaksAsync(request.CheckLeaks);
        diagnostics.AddRange(leaks.Where(l => request.PluginId.Length == 0 || l.Report.PluginId == request.PluginId).Select(PluginDoctor.Diagnose));
        if (request.PluginId.Length == 0 && TieredCompilationCheck.Diagnose() is { } tiering)
        {
            diagnostics.Add(tiering);
        }

        var response = new DoctorResponse { CheckTime = Timestamp.FromDateTimeOffset(time.GetUtcNow()) };
        response.Diagnostics.AddRange(diagnostics.OrderByDescending(d => d.Severity));
        return response;
    }

    private string Authorize(ServerCallContext context)
    {
        var caller = BearerTokenAuthInterceptor.GetCaller(context)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Plugin administration needs an admin bearer token."));
        return options.AdminCallers.Contains(caller)
            ? caller
            : throw new RpcException(new Status(StatusCode.PermissionDenied, $"'{caller}' may not administer plugins."));
    }

    private (IReadOnlyDictionary<string, string> Values, PluginManifest Manifest) GetSettingsOrNotFound(string id)
    {
        try
        {
            return admin.GetSettings(id);
        }
        catch (KeyNotFoundException ex)
        {
            throw new RpcException(new Status(StatusCode.NotFound, ex.Message));
        }
    }

    private PluginStatus Find(string id) =>
        admin.List().FirstOrDefault(p => p.Id == id)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"No plugin '{id}' is installed."));

    private static async Task<PluginStatus> Run(Func<Task<PluginStatus>> action, string fieldPrefix = "")
    {
        try
        {
            return await action();
        }
        catch (AdminArgumentException ex)
        {
            throw RichStatus.InvalidArgument(ex.Message, (fieldPrefix + ex.Field, ex.MessageVi));
        }
        catch (PackageException ex)
        {
            var code = ex.Errors.Any(e => e.Code is PackageErrorCode.DowngradeRefused or PackageErrorCode.SameVersionDifferentContent)
                ? StatusCode.FailedPrecondition
                : StatusCode.InvalidArgument;
            throw RichStatus.Create(code, ex.Message, BadRequestOf(ex.Errors.Select(e => (e.Entry ?? e.Field ?? "package", e.MessageVi))));
        }
        catch (PluginSettingsException ex)
        {
            throw RichStatus.InvalidArgument(ex.Message, ex.Problems.Select(p => ("settings", p)).ToArray());
        }
        catch (PluginLoadException ex)
        {
            // The version was refused while starting: quarantined, or the old version keeps serving (see Doctor).
            throw new RpcException(new Status(StatusCode.Aborted, ex.Message));
        }
        catch (KeyNotFoundException ex)
        {
            throw new RpcException(new Status(StatusCode.NotFound, ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
        }
    }

    private static Google.Rpc.BadRequest BadRequestOf(IEnumerable<(string Field, string Description)> violations)
    {
        var badRequest = new Google.Rpc.BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(v => new Google.Rpc.BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        return badRequest;
    }

    private Plugin Describe(PluginStatus status) =>
        PluginMessages.ToProto(status, time.GetUtcNow(), _packages.Sha256(status.Id, PluginMessages.VersionOf(status)));
}
