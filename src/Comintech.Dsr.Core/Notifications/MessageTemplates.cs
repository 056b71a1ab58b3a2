using System.Globalization;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Access;
using Comintech.Dsr.Fulfilment.Deletion;

namespace Comintech.Dsr.Notifications;

/// <summary>The texts sent to the person, in English and Spanish.</summary>
public static class MessageTemplates
{
    public static OutgoingEmail Acknowledgement(DsrRequest request, string statusUrl) => Build(
        request,
        "ack",
        Es(request) ? "Hemos recibido su solicitud de privacidad" : "We have received your privacy request",
        Es(request)
            ? $"Hemos recibido su solicitud de {TypeEs(request.Type)} el {Day(request.ReceivedAt)}.\n"
              + $"Responderemos a más tardar el {Day(request.DueAt)}.\n"
              + "Le enviaremos un código para confirmar que es usted.\n\n"
              + $"Estado de la solicitud: {statusUrl}\n"
            : $"We received your {TypeEn(request.Type)} request on {Day(request.ReceivedAt)}.\n"
              + $"We will respond by {Day(request.DueAt)} at the latest.\n"
              + "We are sending you a code to confirm it is you.\n\n"
              + $"Request status: {statusUrl}\n");

    public static OutgoingEmail VerificationCode(DsrRequest request, int issue, string code, TimeSpan ttl, string verifyUrl) => Build(
        request,
        $"code-{issue}",
        Es(request) ? $"Su código de verificación: {code}" : $"Your verification code: {code}",
        Es(request)
            ? $"Su código de verificación es {code}. Caduca en {ttl.TotalMinutes:0} minutos.\n"
              + $"Introdúzcalo aquí: {verifyUrl}\n\n"
              + "Si usted no ha hecho esta solicitud, ignore este mensaje: no haremos nada sin el código.\n"
            : $"Your verification code is {code}. It expires in {ttl.TotalMinutes:0} minutes.\n"
              + $"Enter it here: {verifyUrl}\n\n"
              + "If you did not make this request, ignore this message: nothing happens without the code.\n");

    public static OutgoingEmail NotVerified(DsrRequest request) => Build(
        request,
        "not-verified",
        Es(request) ? "Su solicitud de privacidad se ha cerrado" : "Your privacy request has been closed",
        Es(request)
            ? "No pudimos confirmar su identidad a tiempo, así que no hemos actuado sobre su solicitud.\n"
              + "Puede enviar una nueva solicitud cuando quiera.\n" + ComplaintEs
            : "We could not confirm your identity in time, so we have not acted on your request.\n"
              + "You may send a new request at any time.\n" + ComplaintEn);

    public static OutgoingEmail Final(
        DsrRequest request, RequestStatus status, IReadOnlyList<ConnectorOutcome> outcomes, IReadOnlyDictionary<string, string> storeNames,
        PublishedPackage? package = null, IReadOnlyList<RetainedItem>? kept = null, string controllers = "")
    {
        var es = Es(request);
        var download = package is null ? "" : es
            ? $"\n\nDescargue sus datos (HTML, JSON y CSV en un zip) aquí; el enlace caduca el {Day(package.ExpiresAt)}:\n{package.Link}"
            : $"\n\nDownload your data (HTML, JSON and CSV in one zip) here; the link expires on {Day(package.ExpiresAt)}:\n{package.Link}";
        var lines = outcomes.Select(o => $"- {storeNames.GetValueOrDefault(o.StoreId, o.StoreId)}: {Describe(o, es)}");
        var intro = (status, es) switch
        {
            (RequestStatus.Completed, false) => $"Your {TypeEn(request.Type)} request is complete.",
            (RequestStatus.Completed, true) => $"Su solicitud de {TypeEs(request.Type)} se ha completado.",
            (_, false) => $"Your {TypeEn(request.Type)} request is complete except where noted below; our privacy team is handling the rest.",
            (_, true) => $"Su solicitud de {TypeEs(request.Type)} se ha completado salvo lo indicado abajo; nuestro equipo de privacidad se ocupa del resto.",
        };
        return Build(
            request,
            "final",
            es ? "Su solicitud de privacidad: resultado" : "Your privacy request: outcome",
            $"{intro}{download}\n\n{string.Join('\n', lines)}{Kept(kept ?? [], es)}{(controllers.Length > 0 ? "\n\n" + controllers : "")}{Unbound(request, es)}\n\n{(es ? ComplaintEs : ComplaintEn)}");
    }

    /// <summary>After an account was bound later (control-panel link, staff): what the stores found by account did.</summary>
    public static OutgoingEmail IdentityUpdate(
        DsrRequest request, string runId, IReadOnlyList<ConnectorOutcome> outcomes, IReadOnlyDictionary<string, string> storeNames, PublishedPackage? package)
    {
        var es = Es(request);
        var download = package is null ? "" : es
            ? $"\n\nSu paquete de datos actualizado (el enlace anterior ya no sirve; este caduca el {Day(package.ExpiresAt)}):\n{package.Link}"
            : $"\n\nYour updated data package (the earlier link no longer works; this one expires on {Day(package.ExpiresAt)}):\n{package.Link}";
        var lines = outcomes.Select(o => $"- {storeNames.GetValueOrDefault(o.StoreId, o.StoreId)}: {Describe(o, es)}");
        return Build(
            request,
            "identity-update-" + runId,
            es ? "Su solicitud de privacidad: actualización" : "Your privacy request: update",
            (es
                ? $"Hemos vinculado la cuenta que ha confirmado a su solicitud de {TypeEs(request.Type)} y hemos actuado también sobre ella."
                : $"We have linked the account you confirmed to your {TypeEn(request.Type)} request and acted on it as well.")
            + $"{download}\n\n{string.Join('\n', lines)}\n\n{(es ? ComplaintEs : ComplaintEn)}");
    }

    /// <summary>
    /// An account id that was not used, in neutral words: the same whether the account does not exist, belongs to
    /// someone else or needs a stronger proof, so the notice never confirms an account.
    /// </summary>
    private static string Unbound(DsrRequest request, bool es) => request.Identity?.Unbound is null ? "" : es
        ? "\n\nTambién nos indicó un número de cuenta. No hemos podido vincularlo a la dirección de correo que confirmó, así que no lo hemos "
          + "utilizado y solo hemos actuado sobre los datos vinculados a esa dirección. Si la cuenta es suya, inicie sesión en el panel de "
          + "control y use su página de privacidad para enviarnos un enlace firmado, o responda a este mensaje y nuestro equipo lo comprobará con usted."
        : "\n\nYou also gave an account id. We could not link it to the e-mail address you confirmed, so we did not use it and acted only "
          + "on data linked to that address. If the account is yours, sign in to the control panel and use its privacy page to send us a "
          + "signed link, or reply to this message and our privacy team will check it with you.";

    /// <summary>The reasoned notice of an extension (GDPR Art. 12(3), CCPA §1798.130(a)(2)).</summary>
    public static OutgoingEmail Extension(DsrRequest request, DateTimeOffset newDueAt, string reason) => Build(
        request,
        "extension",
        Es(request) ? "Necesitamos más tiempo para su solicitud de privacidad" : "We need more time for your privacy request",
        Es(request)
            ? $"Necesitamos más tiempo para responder a su solicitud de {TypeEs(request.Type)} del {Day(request.ReceivedAt)}.\n"
              + $"Motivo: {reason}\n"
              + $"Responderemos a más tardar el {Day(newDueAt)}.\n" + ComplaintEs
            : $"We need more time to respond to your {TypeEn(request.Type)} request of {Day(request.ReceivedAt)}.\n"
              + $"Reason: {reason}\n"
              + $"We will respond by {Day(newDueAt)} at the latest.\n" + ComplaintEn);

    /// <summary>The reasoned notice that the request is refused (GDPR Art. 12(4), CCPA regulations §7022-7024).</summary>
    public static OutgoingEmail Denial(DsrRequest request, string reason) => Build(
        request,
        "denied",
        Es(request) ? "Su solicitud de privacidad ha sido denegada" : "Your privacy request has been refused",
        Es(request)
            ? $"No podemos atender su solicitud de {TypeEs(request.Type)} del {Day(request.ReceivedAt)}.\n"
              + $"Motivo: {reason}\n" + ComplaintEs
            : $"We cannot act on your {TypeEn(request.Type)} request of {Day(request.ReceivedAt)}.\n"
              + $"Reason: {reason}\n" + ComplaintEn);

    /// <summary>What an erasure kept and why (GDPR Art. 17(3)), store by store.</summary>
    private static string Kept(IReadOnlyList<RetainedItem> kept, bool es) => kept.Count == 0 ? "" :
        (es ? "\n\nLo que conservamos y por qué:\n" : "\n\nWhat we kept and why:\n")
        + string.Join('\n', kept.Select(k => k.KeptFields.Count == 0
            ? $"- {k.StoreName}: {k.Reason}"
            : $"- {k.StoreName} ({string.Join(", ", k.KeptFields)}): {k.Reason}"));

    private static string Describe(ConnectorOutcome outcome, bool es) => (outcome.Kind, es) switch
    {
        (OutcomeKind.Done, false) => $"done ({outcome.RecordsAffected} record(s))",
        (OutcomeKind.Done, true) => $"hecho ({outcome.RecordsAffected} registro(s))",
        (OutcomeKind.NothingFound, false) => "no data about you",
        (OutcomeKind.NothingFound, true) => "sin datos sobre usted",
        (OutcomeKind.Retained, false) => $"kept for a legal reason: {outcome.Note}",
        (OutcomeKind.Retained, true) => $"conservado por motivo legal: {outcome.Note}",
        (OutcomeKind.Waiting, false) => "in progress",
        (OutcomeKind.Waiting, true) => "en curso",
        (_, false) => "could not be completed automatically; our privacy team will finish it",
        (_, true) => "no se pudo completar automáticamente; nuestro equipo de privacidad lo terminará",
    };

    private const string ComplaintEn = "\nIf you are not satisfied, reply to this message or complain to your data protection authority.\n";
    private const string ComplaintEs = "\nSi no está conforme, responda a este mensaje o reclame ante su autoridad de protección de datos.\n";

    private static bool Es(DsrRequest request) => request.Language == Languages.Spanish;

    private static string Day(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string TypeEn(RequestType type) => type == RequestType.OptOut ? "marketing opt-out" : type.ToWire();

    private static string TypeEs(RequestType type) => type switch
    {
        RequestType.Access => "acceso",
        RequestType.Correction => "rectificación",
        RequestType.OptOut => "baja de las comunicaciones comerciales",
        _ => "supresión",
    };

    private static OutgoingEmail Build(DsrRequest request, string purpose, string subject, string body) =>
        new($"{request.Id}.{purpose}", request.Subject.Email, request.Subject.FullName, subject, body);
}
