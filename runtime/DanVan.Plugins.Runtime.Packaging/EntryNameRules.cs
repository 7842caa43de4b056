namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// Decides whether a zip entry name (or a signed path) is safe to turn into a file path on any
/// operating system the runtime runs on. Names are checked as text before any path API sees
/// them, because <c>Path.Combine</c> silently honours rooted and drive-relative names.
/// </summary>
internal static class EntryNameRules
{
    private const int MaxNameLength = 512;

    private static readonly char[] WindowsInvalid = [':', '*', '?', '"', '<', '>', '|'];

    // Windows maps these to devices whatever the extension, so "lib/nul.dll" cannot be written there.
    private static readonly HashSet<string> ReservedDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>Returns why <paramref name="name"/> is refused, or null when it is a safe relative path with '/' separators.</summary>
    public static PackageError? Check(string name)
    {
        if (name.Length == 0)
        {
            return PackageErrors.EntryName(PackageErrorCode.EntryNameInvalidSegment, name, "it is empty", "tên rỗng");
        }

        if (name.Length > MaxNameLength)
        {
            return PackageErrors.EntryName(PackageErrorCode.EntryNameInvalidSegment, name,
                $"it is longer than {MaxNameLength} characters", $"dài quá {MaxNameLength} ký tự");
        }

        if (name.Contains('\0'))
        {
            // NUL truncates the name in native file APIs, so what is checked differs from what is written.
            return PackageErrors.EntryName(PackageErrorCode.EntryNameInvalidCharacter, name,
                "it contains a NUL character", "chứa ký tự NUL");
        }

        if (name.Any(char.IsControl))
        {
            return PackageErrors.EntryName(PackageErrorCode.EntryNameInvalidCharacter, name,
                "it contains a control character", "chứa ký tự điều khiển");
        }

        if (name.Contains('\\'))
        {
            // Windows treats '\' as a separator, so "..\\x" escapes there while looking harmless on unix.
            return PackageErrors.EntryName(PackageErrorCode.EntryNameBackslash, name,
                "it contains a backslash", "chứa dấu gạch chéo ngược '\\'");
        }

        if (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0]))
        {
            return PackageErrors.EntryName(PackageErrorCode.EntryNameDriveLetter, name,
                "it starts with a drive letter", "bắt đầu bằng ký tự ổ đĩa");
        }

        if (name[0] == '/')
        {
            return PackageErrors.EntryName(PackageErrorCode.EntryNameAbsolute, name,
                "it is an absolute path", "là đường dẫn tuyệt đối");
        }

        if (name.IndexOfAny(WindowsInvalid) >= 0)
        {
            // ':' would also name an NTFS alternate data stream ("lib/a.dll:hidden").
            return PackageErrors.EntryName(PackageErrorCode.EntryNameInvalidCharacter, name,
                "it contains one of : * ? \" < > |", "chứa một trong các ký tự : * ? \" < > |");
        }

        if (!IsWellFormedUnicode(name))
        {
            return PackageErrors.EntryName(PackageErrorCode.EntryNameInvalidCharacter, name,
                "it is not valid Unicode", "không phải chuỗi Unicode hợp lệ");
        }

        var segments = name.Split('/');
        if (segments.Any(s => s == ".."))
        {
            return PackageErrors.EntryName(PackageErrorCode.EntryNameTraversal, name,
                "it contains a '..' segment that would leave the plugin folder", "chứa đoạn '..' có thể ghi ra ngoài thư mục plugin");
        }

        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment == ".")
            {
                return PackageErrors.EntryName(PackageErrorCode.EntryNameInvalidSegment, name,
                    "it has an empty or '.' segment", "có đoạn rỗng hoặc '.'");
            }

            if (segment[^1] is '.' or ' ')
            {
                // Windows drops a trailing dot or space, so two different names would become one file.
                return PackageErrors.EntryName(PackageErrorCode.EntryNameInvalidSegment, name,
                    "a segment ends with a dot or a space", "có đoạn kết thúc bằng dấu chấm hoặc khoảng trắng");
            }

            var stem = segment.Split('.')[0];
            if (ReservedDeviceNames.Contains(stem))
            {
                return PackageErrors.EntryName(PackageErrorCode.EntryNameInvalidSegment, name,
                    $"'{segment}' is a reserved device name on Windows", $"'{segment}' là tên thiết bị dành riêng của Windows");
            }
        }

        return null;
    }

    /// <summary>The key under which two names count as the same file on a case-insensitive file system.</summary>
    public static string CollisionKey(string name) =>
        name.Normalize(System.Text.NormalizationForm.FormC).ToUpperInvariant();

    private static bool IsWellFormedUnicode(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return false;
            }
        }

        return true;
    }
}
