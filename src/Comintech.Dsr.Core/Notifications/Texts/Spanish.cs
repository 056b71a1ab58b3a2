namespace Comintech.Dsr.Notifications.Texts;

public sealed class Spanish : NoticeTexts
{
    public static Spanish Texts { get; } = new();

    public override string TypeName(RequestType type) => type switch
    {
        RequestType.Access => "acceso",
        RequestType.Correction => "rectificación",
        RequestType.OptOut => "baja de las comunicaciones comerciales",
        RequestType.SaleSharingOptOut => "«no vender ni compartir mi información personal»",
        _ => "supresión",
    };

    public override string AckSubject => "Hemos recibido su solicitud de privacidad";

    public override string Acknowledgement(string type, string received, string due, bool codeFollows, string statusUrl) =>
        $"Hemos recibido su solicitud de {type} el {received}.\n"
        + $"Responderemos a más tardar el {due}.\n"
        + (codeFollows ? "Le enviaremos un código para confirmar que es usted.\n" : "Actuaremos sin pedirle que confirme su identidad.\n")
        + $"\nEstado de la solicitud: {statusUrl}\n";

    public override string CodeSubject(string code) => $"Su código de verificación: {code}";

    public override string Code(string code, int minutes, string verifyUrl) =>
        $"Su código de verificación es {code}. Caduca en {minutes} minutos.\n"
        + $"Introdúzcalo aquí: {verifyUrl}\n\n"
        + "Si usted no ha hecho esta solicitud, ignore este mensaje: no haremos nada sin el código.\n";

    public override string NotVerifiedSubject => "Su solicitud de privacidad se ha cerrado";

    public override string NotVerified =>
        "No pudimos confirmar su identidad a tiempo, así que no hemos actuado sobre su solicitud.\n"
        + "Puede enviar una nueva solicitud cuando quiera.\n";

    public override string FinalSubject => "Su solicitud de privacidad: resultado";

    public override string FinalIntro(string type, bool complete) => complete
        ? $"Su solicitud de {type} se ha completado."
        : $"Su solicitud de {type} se ha completado salvo lo indicado abajo; nuestro equipo de privacidad se ocupa del resto.";

    public override string Download(string expires, string link) =>
        $"Descargue sus datos (HTML, JSON y CSV en un zip) aquí; el enlace caduca el {expires}:\n{link}";

    public override string UpdateSubject => "Su solicitud de privacidad: actualización";

    public override string UpdateIntro(string type) => $"Hemos vinculado la cuenta que ha confirmado a su solicitud de {type} y hemos actuado también sobre ella.";

    public override string UpdatedDownload(string expires, string link) =>
        $"Su paquete de datos actualizado (el enlace anterior ya no sirve; este caduca el {expires}):\n{link}";

    public override string Unbound =>
        "También nos indicó un número de cuenta. No hemos podido vincularlo a la dirección de correo que confirmó, así que no lo hemos "
        + "utilizado y solo hemos actuado sobre los datos vinculados a esa dirección. Si la cuenta es suya, inicie sesión en el panel de "
        + "control y use su página de privacidad para enviarnos un enlace firmado, o responda a este mensaje y nuestro equipo lo comprobará con usted.";

    public override string ExtensionSubject => "Necesitamos más tiempo para su solicitud de privacidad";

    public override string Extension(string type, string received, string reason, string due) =>
        $"Necesitamos más tiempo para responder a su solicitud de {type} del {received}.\nMotivo: {reason}\nResponderemos a más tardar el {due}.\n";

    public override string DenialSubject => "Su solicitud de privacidad ha sido denegada";

    public override string Denial(string type, string received, string reason) =>
        $"No podemos atender su solicitud de {type} del {received}.\nMotivo: {reason}\n";

    public override string PartialRefusalHeading => "Lo que no hemos hecho y por qué:";

    public override string KeptHeading => "Lo que conservamos y por qué:";

    public override string Outcome(OutcomeKind kind, int records, string? note) => kind switch
    {
        OutcomeKind.Done => $"hecho ({records} registro(s))",
        OutcomeKind.NothingFound => "sin datos sobre usted",
        OutcomeKind.Retained => $"conservado por motivo legal: {note}",
        OutcomeKind.Waiting => "en curso",
        _ => "no se pudo completar automáticamente; nuestro equipo de privacidad lo terminará",
    };

    public override string Corrected(IReadOnlyCollection<string> changed, IReadOnlyCollection<string> notHeld) =>
        string.Join("; ", new[]
        {
            changed.Count > 0 ? "rectificado: " + string.Join(", ", changed) : null,
            notHeld.Count > 0 ? "no guarda el campo " + string.Join(", ", notHeld) + ", así que allí no había nada que rectificar" : null,
        }.Where(p => p is not null));

    public override string NoSaleOrSharing => "No vendemos ni compartimos su información personal: ninguno de nuestros sistemas la cede a cambio de dinero ni para publicidad comportamental entre contextos.";

    public override string RecipientsOffer(int told, string link) =>
        $"Hemos comunicado esta solicitud a {told} destinatario(s) de sus datos. Para obtener la lista de destinatarios, abra {link} o responda a este mensaje.";

    public override string Remedies(Jurisdiction jurisdiction, string? authority) => jurisdiction == Jurisdiction.CCPA
        ? "\nSi no está conforme, responda a este mensaje. También puede reclamar ante la autoridad de control, "
          + (authority ?? "la Agencia de Protección de la Privacidad de California") + ", o ante el Fiscal General de California, y puede tener acciones judiciales.\n"
        : "\nSi no está conforme, responda a este mensaje o reclame ante su autoridad de protección de datos"
          + (authority is null ? " (la del país de la UE donde vive o trabaja, o donde cree que se infringió la ley)" : $" ({authority}, o la autoridad del lugar donde vive o trabaja)")
          + "; también tiene derecho a acudir a los tribunales (arts. 77 y 79 RGPD).\n";

    public override string RecordKept => "Conservamos un registro de esta solicitud y de nuestra respuesta durante 24 meses, como exige la normativa de California.\n";
}
