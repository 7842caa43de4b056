using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>
/// Turns an admin request's package_path into a file inside the runtime's packages folder. The path is
/// the caller's text, so it must not reach anything else the runtime can read: no absolute path, no
/// <c>..</c>, and no symbolic link (at any depth, followed link by link) that leads out of the folder.
/// </summary>
internal static class PackagesFolder
{
    private const int MaxLinksFollowed = 16;

    /// <summary>The file's full path; INVALID_ARGUMENT (field violation on <paramref name="field"/>) for an unsafe path, NOT_FOUND for a missing file.</summary>
    public static string Resolve(string packagesDirectory, string packagePath, string field)
    {
        if (Path.IsPathRooted(packagePath) || packagePath.StartsWith('/') || packagePath.StartsWith('\\') || (packagePath.Length >= 2 && packagePath[1] == ':'))
        {
            throw Refuse(field, "package_path must be relative to the runtime's packages folder.", "Đường dẫn gói phải là đường dẫn tương đối trong thư mục gói của runtime, không được là đường dẫn tuyệt đối.");
        }

        var segments = packagePath.Split('/', '\\');
        if (segments.Any(s => s == ".."))
        {
            throw Refuse(field, "package_path must not leave the packages folder.", "Đường dẫn gói không được chứa '..' để ra ngoài thư mục gói.");
        }

        if (packagePath.Contains('\0', StringComparison.Ordinal))
        {
            throw Refuse(field, "package_path contains a NUL character.", "Đường dẫn gói chứa ký tự không hợp lệ.");
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(packagesDirectory));
        var file = Walk(root, segments.Where(s => s.Length > 0 && s != ".").ToList(), field, depth: 0);
        return File.Exists(file)
            ? file
            : throw new RpcException(new Status(StatusCode.NotFound, $"No package '{packagePath}' in the packages folder."));
    }

    private static string Walk(string root, List<string> segments, string field, int depth)
    {
        if (depth > MaxLinksFollowed)
        {
            throw Refuse(field, "package_path goes through too many symbolic links.", "Đường dẫn gói đi qua quá nhiều liên kết tượng trưng.");
        }

        var current = root;
        for (var i = 0; i < segments.Count; i++)
        {
            var candidate = Path.Combine(current, segments[i]);
            if (new FileInfo(candidate).LinkTarget is { } target)
            {
                // A relative target is relative to the link's own folder; the target may itself hold links, so walk it again.
                var resolved = Path.GetFullPath(target, current);
                if (!IsInside(root, resolved))
                {
                    throw Refuse(field, "package_path leads out of the packages folder through a symbolic link.", "Đường dẫn gói đi qua một liên kết tượng trưng trỏ ra ngoài thư mục gói.");
                }

                var rest = Path.GetRelativePath(root, resolved).Split(Path.DirectorySeparatorChar).Where(s => s.Length > 0 && s != ".");
                return Walk(root, [.. rest, .. segments.Skip(i + 1)], field, depth + 1);
            }

            current = candidate;
        }

        return current;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static RpcException Refuse(string field, string message, string vietnamese) =>
        RichStatus.InvalidArgument(message, (field, vietnamese));
}
