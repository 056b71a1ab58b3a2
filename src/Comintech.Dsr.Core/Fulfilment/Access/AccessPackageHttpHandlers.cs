using System.Globalization;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Http;
using Microsoft.AspNetCore.Http;

namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>
/// GET /api/requests/{id}/package?expires=…&amp;signature=…: the person's access package behind the e-mailed link.
/// An expired or wrong link gets a page that says so in English and Spanish, never a storage error.
/// </summary>
public sealed class AccessPackageHttpHandlers(AccessPackages packages)
{
    public async Task<IResult> DownloadAsync(HttpRequest http, string id)
    {
        var query = http.Query;
        if (!RequestId.IsWellFormed(id) || !long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return Refused();
        }

        var (state, package) = await packages.OpenAsync(id, expires, query["signature"], http.HttpContext.RequestAborted);
        return state switch
        {
            PackageLinkState.Valid => Results.Stream(package!, "application/zip", $"comintech-data-{id}.zip"),
            PackageLinkState.Expired => Page(
                StatusCodes.Status410Gone,
                "This link has expired",
                "For your security the link to your data works only for a limited time. Reply to our e-mail or send a new access request to receive a new one.",
                "Este enlace ha caducado",
                "Por su seguridad, el enlace a sus datos solo funciona durante un tiempo limitado. Responda a nuestro correo o envíe una nueva solicitud de acceso para recibir otro."),
            _ => Refused(),
        };
    }

    private static IResult Refused() => Page(
        StatusCodes.Status403Forbidden,
        "This link is not valid",
        "Check that you opened the whole link from our e-mail. If it still fails, reply to that e-mail.",
        "Este enlace no es válido",
        "Compruebe que ha abierto el enlace completo de nuestro correo. Si sigue fallando, responda a ese correo.");

    private static IResult Page(int status, string title, string text, string titleEs, string textEs) => Results.Content(
        $"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body><main><h1>{title}</h1><p>{text}</p><h2 lang="es">{titleEs}</h2><p lang="es">{textEs}</p></main></body></html>""",
        "text/html; charset=utf-8",
        statusCode: status);
}
