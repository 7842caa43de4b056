using System.Globalization;
using System.Text.RegularExpressions;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// Checks a read plugin.json field by field, collecting every problem so a publisher fixes them
/// in one round, and builds the <see cref="PluginManifest"/> only when there are none.
/// </summary>
internal sealed partial class ManifestValidator
{
    private static readonly string[] SettingTypes = ["string", "integer", "boolean", "enum"];
    private static readonly string[] TabContexts = ["document", "unit", "province"];

    private readonly List<PackageError> errors = [];

    private ManifestValidator()
    {
    }

    /// <summary>
    /// Validates <paramref name="document"/>; <paramref name="libraryFiles"/> are the paths under
    /// <c>lib/</c> (null skips the entry-assembly presence check). Returns the manifest, or null
    /// with every problem added to <paramref name="errors"/>.
    /// </summary>
    public static PluginManifest? Validate(ManifestDocument document, IReadOnlyCollection<string>? libraryFiles, List<PackageError> errors)
    {
        var validator = new ManifestValidator();
        var manifest = validator.Run(document, libraryFiles);
        errors.AddRange(validator.errors);
        return validator.errors.Count == 0 ? manifest : null;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex PluginIdPattern();

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\z", RegexOptions.CultureInvariant)]
    private static partial Regex AbstractionsVersionPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(\+[A-Za-z_][A-Za-z0-9_]*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex TypeNamePattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ContractPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ServicePattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex TabIdPattern();

    [GeneratedRegex(@"^/[A-Za-z0-9._~/-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex TabPathPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SettingNamePattern();

    private PluginManifest? Run(ManifestDocument d, IReadOnlyCollection<string>? libraryFiles)
    {
        var id = RequiredText(d.Id, "id");
        if (id is not null && (id.Length > 128 || !PluginIdPattern().IsMatch(id)))
        {
            Add("id", $"'{id}' must be lower-case dotted like 'danvan.tasks' (pattern ^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$)",
                $"'{id}' phải viết thường, phân tách bằng dấu chấm, ví dụ 'danvan.tasks'");
        }

        var version = RequiredText(d.Version, "version");
        if (version is not null && !SemanticVersion.TryParse(version, out _))
        {
            Add("version", $"'{version}' is not a semantic version like 1.2.0 or 1.2.0-beta.1",
                $"'{version}' không phải số phiên bản dạng 1.2.0 hoặc 1.2.0-beta.1");
        }

        var displayName = RequiredText(d.DisplayName, "displayName");
        if (displayName is { Length: > 200 })
        {
            Add("displayName", "is longer than 200 characters", "dài quá 200 ký tự");
        }

        if (d.Publisher is not null && string.IsNullOrWhiteSpace(d.Publisher))
        {
            Add("publisher", "is empty; leave it out or name the publisher", "để trống; hãy bỏ trường này hoặc ghi tên nhà phát hành");
        }

        var entryAssembly = RequiredText(d.EntryAssembly, "entryAssembly");
        if (entryAssembly is not null)
        {
            CheckEntryAssembly(entryAssembly, libraryFiles);
        }

        var entryType = RequiredText(d.EntryType, "entryType");
        if (entryType is not null && !TypeNamePattern().IsMatch(entryType))
        {
            Add("entryType", $"'{entryType}' is not a full type name like DanVan.Plugins.Tasks.TasksPlugin",
                $"'{entryType}' không phải tên lớp đầy đủ, ví dụ DanVan.Plugins.Tasks.TasksPlugin");
        }

        var abstractionsVersion = RequiredText(d.AbstractionsVersion, "abstractionsVersion");
        if (abstractionsVersion is not null && !AbstractionsVersionPattern().IsMatch(abstractionsVersion))
        {
            Add("abstractionsVersion", $"'{abstractionsVersion}' must be major.minor, e.g. 1.0",
                $"'{abstractionsVersion}' phải có dạng major.minor, ví dụ 1.0");
        }

        var contracts = UniqueNames(d.Contracts, "contracts", ContractPattern(), "a lower-case package like danvan.host.v1", "tên gói viết thường, ví dụ danvan.host.v1", StringComparer.Ordinal);
        var services = UniqueNames(d.Services, "services", ServicePattern(), "a fully-qualified service like danvan.tasks.v1.TasksService", "tên dịch vụ đầy đủ, ví dụ danvan.tasks.v1.TasksService", StringComparer.Ordinal);
        var permissions = UniqueNames(d.Permissions, "permissions", null, "a permission like directory:read", "quyền, ví dụ directory:read", StringComparer.Ordinal);
        var dependencies = Dependencies(d.Dependencies, id);
        var tabs = Tabs(d.Tabs);
        var settings = Settings(d.Settings);

        if (errors.Count > 0)
        {
            return null;
        }

        return new PluginManifest
        {
            Id = id!,
            Version = version!,
            DisplayName = displayName!,
            Description = d.Description,
            Publisher = d.Publisher,
            EntryAssembly = entryAssembly!,
            EntryType = entryType!,
            AbstractionsVersion = abstractionsVersion!,
            Contracts = contracts,
            Services = services,
            Permissions = permissions,
            Dependencies = dependencies,
            Tabs = tabs,
            Settings = settings,
        };
    }

    private void CheckEntryAssembly(string entryAssembly, IReadOnlyCollection<string>? libraryFiles)
    {
        if (EntryNameRules.Check(PluginPackageFormat.LibraryPrefix + entryAssembly) is not null)
        {
            Add("entryAssembly", $"'{entryAssembly}' is not a safe relative path under lib/",
                $"'{entryAssembly}' không phải đường dẫn tương đối an toàn trong lib/");
            return;
        }

        if (!entryAssembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            Add("entryAssembly", $"'{entryAssembly}' must be a .dll file", $"'{entryAssembly}' phải là tệp .dll");
            return;
        }

        if (libraryFiles is not null && !libraryFiles.Contains(entryAssembly, StringComparer.Ordinal))
        {
            Add("entryAssembly", $"'{entryAssembly}' is not in the package's lib/ folder",
                $"không có tệp '{entryAssembly}' trong thư mục lib/ của gói");
        }
    }

    private List<PluginDependency> Dependencies(List<ManifestDependencyDocument?>? items, string? selfId)
    {
        var result = new List<PluginDependency>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var field = $"dependencies[{i}]";
            if (items![i] is not { } item)
            {
                Add(field, "is null", "không được để null");
                continue;
            }

            var depId = RequiredText(item.Id, field + ".id");
            if (depId is not null)
            {
                if (!PluginIdPattern().IsMatch(depId))
                {
                    Add(field + ".id", $"'{depId}' is not a plugin id like danvan.tasks", $"'{depId}' không phải mã plugin, ví dụ danvan.tasks");
                }
                else if (string.Equals(depId, selfId, StringComparison.Ordinal))
                {
                    Add(field + ".id", "a plugin cannot depend on itself", "plugin không thể phụ thuộc chính nó");
                }
                else if (!seen.Add(depId))
                {
                    Add(field + ".id", $"'{depId}' is listed twice", $"'{depId}' bị liệt kê hai lần");
                }
            }

            if (item.MinVersion is not null && !SemanticVersion.TryParse(item.MinVersion, out _))
            {
                Add(field + ".minVersion", $"'{item.MinVersion}' is not a semantic version", $"'{item.MinVersion}' không phải số phiên bản hợp lệ");
            }

            if (depId is not null)
            {
                result.Add(new PluginDependency { Id = depId, MinVersion = item.MinVersion, Optional = item.Optional ?? false });
            }
        }

        return result;
    }

    private List<PluginTab> Tabs(List<ManifestTabDocument?>? items)
    {
        var result = new List<PluginTab>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var field = $"tabs[{i}]";
            if (items![i] is not { } tab)
            {
                Add(field, "is null", "không được để null");
                continue;
            }

            var tabId = RequiredText(tab.Id, field + ".id");
            if (tabId is not null)
            {
                if (!TabIdPattern().IsMatch(tabId))
                {
                    Add(field + ".id", $"'{tabId}' must be lower-case words joined by '-', e.g. document-tasks",
                        $"'{tabId}' phải là chữ thường nối bằng '-', ví dụ document-tasks");
                }
                else if (!seen.Add(tabId))
                {
                    Add(field + ".id", $"tab id '{tabId}' is used by another tab", $"mã tab '{tabId}' trùng với tab khác");
                }
            }

            var title = RequiredText(tab.Title, field + ".title");
            var path = RequiredText(tab.Path, field + ".path");
            if (path is not null && (!TabPathPattern().IsMatch(path) || path.Contains("//", StringComparison.Ordinal) || path.Split('/').Contains("..")))
            {
                Add(field + ".path", $"'{path}' must start with '/' and hold only URL-safe characters, without '..'",
                    $"'{path}' phải bắt đầu bằng '/', chỉ chứa ký tự an toàn cho URL, không có '..'");
            }

            var contexts = new List<string>();
            if (tab.Contexts is null || tab.Contexts.Count == 0)
            {
                Add(field + ".contexts", "needs at least one of document, unit, province", "cần ít nhất một trong document, unit, province");
            }
            else
            {
                for (var c = 0; c < tab.Contexts.Count; c++)
                {
                    if (tab.Contexts[c] is not { } context || !TabContexts.Contains(context, StringComparer.Ordinal))
                    {
                        Add($"{field}.contexts[{c}]", $"'{tab.Contexts[c]}' is not one of document, unit, province",
                            $"'{tab.Contexts[c]}' không thuộc document, unit, province");
                    }
                    else
                    {
                        contexts.Add(context);
                    }
                }
            }

            if (tab.RequiredRole is not null && string.IsNullOrWhiteSpace(tab.RequiredRole))
            {
                Add(field + ".requiredRole", "is empty; leave it out for everyone", "để trống; bỏ trường này nếu ai cũng xem được");
            }

            if (tabId is not null && title is not null && path is not null)
            {
                result.Add(new PluginTab
                {
                    Id = tabId,
                    Title = title,
                    Path = path,
                    Contexts = contexts,
                    Order = tab.Order ?? 0,
                    RequiredRole = tab.RequiredRole,
                });
            }
        }

        return result;
    }

    private List<PluginSetting> Settings(List<ManifestSettingDocument?>? items)
    {
        var result = new List<PluginSetting>();

        // IConfiguration keys are case-insensitive, so two settings differing only in case would collide.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var field = $"settings[{i}]";
            if (items![i] is not { } setting)
            {
                Add(field, "is null", "không được để null");
                continue;
            }

            var name = RequiredText(setting.Name, field + ".name");
            if (name is not null)
            {
                if (!SettingNamePattern().IsMatch(name))
                {
                    Add(field + ".name", $"'{name}' must be a letter followed by letters, digits or '_'",
                        $"'{name}' phải bắt đầu bằng chữ cái, sau đó là chữ, số hoặc '_'");
                }
                else if (!seen.Add(name))
                {
                    Add(field + ".name", $"setting '{name}' is declared twice (names ignore case)", $"thiết lập '{name}' bị khai báo hai lần (không phân biệt hoa thường)");
                }
            }

            var type = RequiredText(setting.Type, field + ".type");
            var typeValid = type is not null && SettingTypes.Contains(type, StringComparer.Ordinal);
            if (type is not null && !typeValid)
            {
                Add(field + ".type", $"'{type}' is not one of string, integer, boolean, enum",
                    $"'{type}' không thuộc string, integer, boolean, enum");
            }

            var allowed = SettingAllowedValues(setting, field, type);
            if (typeValid)
            {
                CheckSettingBounds(setting, field, type!);
                CheckSettingDefault(setting, field, type!, allowed);
            }

            if (name is not null && type is not null)
            {
                result.Add(new PluginSetting
                {
                    Name = name,
                    Type = type,
                    Required = setting.Required ?? false,
                    Default = setting.Default,
                    Description = setting.Description,
                    AllowedValues = allowed,
                    Minimum = setting.Minimum,
                    Maximum = setting.Maximum,
                });
            }
        }

        return result;
    }

    private List<string> SettingAllowedValues(ManifestSettingDocument setting, string field, string? type)
    {
        var allowed = new List<string>();
        var values = setting.AllowedValues ?? [];
        if (type == "enum" && values.Count == 0)
        {
            Add(field + ".allowedValues", "an enum setting needs at least one allowed value", "thiết lập kiểu enum cần ít nhất một giá trị cho phép");
        }
        else if (type is not null and not "enum" && values.Count > 0)
        {
            Add(field + ".allowedValues", "only enum settings have allowed values", "chỉ thiết lập kiểu enum mới có danh sách giá trị cho phép");
        }

        for (var v = 0; v < values.Count; v++)
        {
            if (string.IsNullOrEmpty(values[v]))
            {
                Add($"{field}.allowedValues[{v}]", "is empty", "để trống");
            }
            else if (allowed.Contains(values[v]!, StringComparer.Ordinal))
            {
                Add($"{field}.allowedValues[{v}]", $"'{values[v]}' is listed twice", $"'{values[v]}' bị liệt kê hai lần");
            }
            else
            {
                allowed.Add(values[v]!);
            }
        }

        return allowed;
    }

    private void CheckSettingBounds(ManifestSettingDocument setting, string field, string type)
    {
        if (type != "integer" && (setting.Minimum is not null || setting.Maximum is not null))
        {
            Add(field + ".minimum", "only integer settings have a minimum or maximum", "chỉ thiết lập kiểu integer mới có giá trị nhỏ nhất/lớn nhất");
        }
        else if (setting.Minimum > setting.Maximum)
        {
            Add(field + ".minimum", $"minimum {setting.Minimum} is above maximum {setting.Maximum}",
                $"giá trị nhỏ nhất {setting.Minimum} lớn hơn giá trị lớn nhất {setting.Maximum}");
        }
    }

    private void CheckSettingDefault(ManifestSettingDocument setting, string field, string type, List<string> allowed)
    {
        if (setting.Default is not { } value)
        {
            return;
        }

        var ok = type switch
        {
            "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                && (setting.Minimum is null || number >= setting.Minimum)
                && (setting.Maximum is null || number <= setting.Maximum),
            "boolean" => value is "true" or "false",
            "enum" => allowed.Contains(value, StringComparer.Ordinal),
            _ => true,
        };

        if (!ok)
        {
            Add(field + ".default", $"'{value}' is not a valid {type} value for this setting",
                $"'{value}' không phải giá trị {type} hợp lệ cho thiết lập này");
        }
    }

    private List<string> UniqueNames(List<string?>? items, string field, Regex? pattern, string expected, string expectedVi, StringComparer comparer)
    {
        var result = new List<string>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var value = items![i];
            if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsWhiteSpace) || (pattern is not null && !pattern.IsMatch(value)))
            {
                Add($"{field}[{i}]", $"'{value}' is not {expected}", $"'{value}' không hợp lệ, cần {expectedVi}");
            }
            else if (result.Contains(value, comparer))
            {
                Add($"{field}[{i}]", $"'{value}' is listed twice", $"'{value}' bị liệt kê hai lần");
            }
            else
            {
                result.Add(value);
            }
        }

        return result;
    }

    private string? RequiredText(string? value, string field)
    {
        if (value is null)
        {
            Add(field, "is required", "là trường bắt buộc");
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "must not be empty", "không được để trống");
            return null;
        }

        return value;
    }

    private void Add(string field, string reason, string reasonVi) =>
        errors.Add(PackageErrors.ManifestInvalid(field, reason, reasonVi));
}
