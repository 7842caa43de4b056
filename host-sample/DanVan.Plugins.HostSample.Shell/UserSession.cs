using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.HostSample.Shell;

/// <summary>
/// Who is signed in: the user id in a first-party, HttpOnly, protected cookie. The sample host
/// has a user picker instead of passwords; a real e-office has its own sign-in.
/// </summary>
internal sealed class UserSession(IDataProtectionProvider protection)
{
    public const string CookieName = "dv_eoffice_user";

    private readonly IDataProtector _protector = protection.CreateProtector("DanVan.Plugins.HostSample.Shell.UserSession");

    public string? CurrentUserId(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A cookie from an older key or tampered with: treat as signed out.
            return null;
        }
    }

    /// <summary>The cookie value that signs <paramref name="userId"/> in.</summary>
    public string Issue(string userId) => _protector.Protect(userId);

    public void SignIn(HttpContext http, string userId) =>
        http.Response.Cookies.Append(CookieName, Issue(userId), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = "/",
        });

    public void SignOut(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
}
