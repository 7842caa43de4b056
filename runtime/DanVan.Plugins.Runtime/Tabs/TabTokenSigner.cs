using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>
/// Issues and verifies stateless tab tokens: <c>base64url(payload) "." base64url(HMAC-SHA256(key, payload))</c>,
/// where the payload is a version byte, the plugin, tab, user, unit and document ids (length-prefixed UTF-8)
/// and the issue and expiry times (Unix seconds). Nothing is stored, so any runtime instance with the same
/// key verifies any token and a restart invalidates none.
/// </summary>
internal sealed class TabTokenSigner(byte[] key, TimeProvider time)
{
    /// <summary>The longest token issued, as the contract promises hosts.</summary>
    public const int MaxTokenLength = 2048;

    private const byte FormatVersion = 1;

    public TimeProvider Time { get; } = time;

    /// <summary>Signs a token for the screen, valid from now for <paramref name="lifetime"/>; null when the ids make it longer than <see cref="MaxTokenLength"/>.</summary>
    public (string Token, TabToken Claims)? Issue(string pluginId, string tabId, string userId, string orgUnitId, string documentId, TimeSpan lifetime)
    {
        // Whole seconds, as the token carries them, so the claims returned equal what a reader gets back.
        var now = DateTimeOffset.FromUnixTimeSeconds(Time.GetUtcNow().ToUnixTimeSeconds());
        var claims = new TabToken(pluginId, tabId, userId, orgUnitId, documentId, now, now + TimeSpan.FromSeconds(Math.Ceiling(lifetime.TotalSeconds)));
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(claims.PluginId);
            writer.Write(claims.TabId);
            writer.Write(claims.UserId);
            writer.Write(claims.OrgUnitId);
            writer.Write(claims.DocumentId);
            writer.Write(claims.IssuedAt.ToUnixTimeSeconds());
            writer.Write(claims.ExpiresAt.ToUnixTimeSeconds());
        }

        var payload = buffer.ToArray();
        var token = Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
        return token.Length <= MaxTokenLength ? (token, claims) : null;
    }

    /// <summary>Verifies the signature first, then reads the claims and checks expiry against the clock.</summary>
    public TabTokenReadResult Read(string? token, out TabToken? claims)
    {
        claims = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return TabTokenReadResult.Invalid;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !Base64Url.IsValid(token.AsSpan(0, dot)) || !Base64Url.IsValid(token.AsSpan(dot + 1)))
        {
            return TabTokenReadResult.Invalid;
        }

        var payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
        var signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
        {
            return TabTokenReadResult.Invalid;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            if (reader.ReadByte() != FormatVersion)
            {
                return TabTokenReadResult.Invalid;
            }

            claims = new TabToken(
                reader.ReadString(),
                reader.ReadString(),
                reader.ReadString(),
                reader.ReadString(),
                reader.ReadString(),
                DateTimeOffset.FromUnixTimeSeconds(reader.ReadInt64()),
                DateTimeOffset.FromUnixTimeSeconds(reader.ReadInt64()));
            if (reader.BaseStream.Position != payload.Length)
            {
                claims = null;
                return TabTokenReadResult.Invalid;
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or ArgumentOutOfRangeException or DecoderFallbackException)
        {
            // Only a payload this runtime signed gets here, so this means a key reused by another format.
            return TabTokenReadResult.Invalid;
        }

        return Time.GetUtcNow() < claims.ExpiresAt ? TabTokenReadResult.Valid : TabTokenReadResult.Expired;
    }
}
