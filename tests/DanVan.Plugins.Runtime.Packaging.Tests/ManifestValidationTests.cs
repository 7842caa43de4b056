namespace DanVan.Plugins.Runtime.Packaging.Tests;

public sealed class ManifestValidationTests : IDisposable
{
    private const string ValidJson = """
        {
          "id": "danvan.tasks",
          "version": "1.2.0-beta.1",
          "displayName": "Theo dõi nhiệm vụ",
          "entryAssembly": "DanVan.Plugins.Tasks.dll",
          "entryType": "DanVan.Plugins.Tasks.TasksPlugin",
          "abstractionsVersion": "1.0"
        }
        """;

    private readonly TempDirectory temp = new();
    private readonly PackageSigningKey key = PackageSigningKey.Generate();

    public void Dispose()
    {
        key.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void Verify_SignedManifestWithSeveralErrors_ReportsThemAllTogether()
    {
        var json = """
            {
              "id": "Bad_Id",
              "version": "1.0",
              "displayName": "",
              "entryAssembly": "Missing.dll",
              "entryType": "DanVan.Sample.Plugin",
              "abstractionsVersion": "1",
              "tabs": [
                { "id": "main", "title": "Một", "path": "/one", "contexts": ["document"] },
                { "id": "main", "title": "Hai", "path": "/two", "contexts": ["village"] }
              ],
              "settings": [ { "name": "threshold", "type": "float" } ]
            }
            """;
        var package = TestPackages.WriteSigned(temp.Combine("p.dvp"), key,
            [CraftedEntry.Text("plugin.json", json), new CraftedEntry("lib/DanVan.Sample.dll", [1])]);
        var before = temp.Snapshot();

        var result = new PluginPackageReader(TestPackages.TrustOnly(key)).Verify(package);

        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.Equal(PackageErrorCode.ManifestInvalid, e.Code));
        Assert.All(result.Errors, e => Assert.Equal("plugin.json", e.Entry));
        Assert.Equal(
            ["abstractionsVersion", "displayName", "entryAssembly", "id", "settings[0].type", "tabs[1].contexts[0]", "tabs[1].id", "version"],
            result.Errors.Select(e => e.Field!).Order(StringComparer.Ordinal));
        Assert.Contains(result.Errors, e => e.Message == "plugin.json: tabs[1].id: tab id 'main' is used by another tab.");
        Assert.Contains(result.Errors, e => e.MessageVi == "plugin.json: entryAssembly: không có tệp 'Missing.dll' trong thư mục lib/ của gói.");
        Assert.Equal(before, temp.Snapshot());
    }

    [Fact]
    public void TryParse_ValidManifest_BuildsIt()
    {
        Assert.True(PluginManifestJson.TryParse(TestPackages.Utf8(ValidJson), ["DanVan.Plugins.Tasks.dll"], out var manifest, out var errors));

        Assert.Empty(errors);
        Assert.Equal("danvan.tasks", manifest.Id);
        Assert.Equal("Theo dõi nhiệm vụ", manifest.DisplayName);
        Assert.Empty(manifest.Tabs);
    }

    [Fact]
    public void Serialize_ThenTryParse_RoundTripsEveryField()
    {
        var original = TestPackages.Manifest();

        var json = PluginManifestJson.Serialize(original);

        Assert.True(PluginManifestJson.TryParse(json, [TestPackages.EntryAssembly], out var parsed, out _));
        Assert.Equal(json, PluginManifestJson.Serialize(parsed));
        Assert.Contains("\"displayName\": \"Mẫu thử\"", System.Text.Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NotJson_ManifestInvalidJson()
    {
        Assert.False(PluginManifestJson.TryParse("{ \"id\": "u8, null, out _, out var errors));

        Assert.Equal(PackageErrorCode.ManifestInvalidJson, Assert.Single(errors).Code);
    }

    [Fact]
    public void TryParse_DuplicateProperty_ManifestInvalidJson()
    {
        var json = ValidJson.Replace("\"id\": \"danvan.tasks\",", "\"id\": \"danvan.tasks\", \"id\": \"danvan.evil\",", StringComparison.Ordinal);

        Assert.False(PluginManifestJson.TryParse(TestPackages.Utf8(json), null, out _, out var errors));

        Assert.Equal(PackageErrorCode.ManifestInvalidJson, Assert.Single(errors).Code);
    }

    [Fact]
    public void TryParse_EmptyObject_ListsEveryRequiredField()
    {
        Assert.False(PluginManifestJson.TryParse("{}"u8, null, out _, out var errors));

        Assert.Equal(
            ["abstractionsVersion", "displayName", "entryAssembly", "entryType", "id", "version"],
            errors.Select(e => e.Field!).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.EndsWith("is required.", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("danvan.tasks", true)]
    [InlineData("vnpt.danvan2.tasks", true)]
    [InlineData("danvan", false)]
    [InlineData("DanVan.Tasks", false)]
    [InlineData("danvan..tasks", false)]
    [InlineData("danvan.tasks\n", false)]
    [InlineData("1danvan.tasks", false)]
    [InlineData("danvan.task-s", false)]
    public void TryParse_Id_FollowsPattern(string id, bool valid)
    {
        var json = ValidJson.Replace("danvan.tasks", id.Replace("\n", "\\n", StringComparison.Ordinal), StringComparison.Ordinal);

        Assert.Equal(valid, PluginManifestJson.TryParse(TestPackages.Utf8(json), null, out _, out _));
    }

    [Theory]
    [InlineData("""{ "name": "days", "type": "integer", "default": "40", "minimum": 0, "maximum": 30 }""", "settings[0].default")]
    [InlineData("""{ "name": "days", "type": "integer", "minimum": 5, "maximum": 1 }""", "settings[0].minimum")]
    [InlineData("""{ "name": "on", "type": "boolean", "default": "yes" }""", "settings[0].default")]
    [InlineData("""{ "name": "mode", "type": "enum", "allowedValues": ["a", "b"], "default": "c" }""", "settings[0].default")]
    [InlineData("""{ "name": "mode", "type": "enum" }""", "settings[0].allowedValues")]
    [InlineData("""{ "name": "2fast", "type": "string" }""", "settings[0].name")]
    public void TryParse_BadSetting_NamesTheField(string setting, string field)
    {
        var json = ValidJson.Replace("\"abstractionsVersion\": \"1.0\"", $"\"abstractionsVersion\": \"1.0\", \"settings\": [{setting}]", StringComparison.Ordinal);

        Assert.False(PluginManifestJson.TryParse(TestPackages.Utf8(json), null, out _, out var errors));

        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void TryParse_SettingsDifferingOnlyInCase_Refused()
    {
        var json = ValidJson.Replace("\"abstractionsVersion\": \"1.0\"", "\"abstractionsVersion\": \"1.0\", \"settings\": [{ \"name\": \"days\", \"type\": \"string\" }, { \"name\": \"Days\", \"type\": \"string\" }]", StringComparison.Ordinal);

        Assert.False(PluginManifestJson.TryParse(TestPackages.Utf8(json), null, out _, out var errors));

        Assert.Equal("settings[1].name", Assert.Single(errors).Field);
    }

    [Fact]
    public void TryParse_EntryAssemblyAbsentFromLib_Refused()
    {
        Assert.False(PluginManifestJson.TryParse(TestPackages.Utf8(ValidJson), ["Other.dll"], out _, out var errors));

        Assert.Equal("entryAssembly", Assert.Single(errors).Field);
    }

    [Fact]
    public void TryParse_EntryAssemblyEscapingLib_Refused()
    {
        var json = ValidJson.Replace("DanVan.Plugins.Tasks.dll", "../evil.dll", StringComparison.Ordinal);

        Assert.False(PluginManifestJson.TryParse(TestPackages.Utf8(json), null, out _, out var errors));

        Assert.Equal("entryAssembly", Assert.Single(errors).Field);
    }

    [Fact]
    public void TryParse_SelfDependencyAndBadMinVersion_BothReported()
    {
        var json = ValidJson.Replace("\"abstractionsVersion\": \"1.0\"", "\"abstractionsVersion\": \"1.0\", \"dependencies\": [{ \"id\": \"danvan.tasks\" }, { \"id\": \"danvan.host\", \"minVersion\": \"v1\" }]", StringComparison.Ordinal);

        Assert.False(PluginManifestJson.TryParse(TestPackages.Utf8(json), null, out _, out var errors));

        Assert.Equal(["dependencies[0].id", "dependencies[1].minVersion"], errors.Select(e => e.Field!));
    }
}
