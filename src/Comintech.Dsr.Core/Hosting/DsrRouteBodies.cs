namespace Comintech.Dsr.Hosting;

/// <summary>
/// The body each route of <see cref="DsrRoutes.All"/> reads, by "METHOD pattern", for the OpenAPI description; a test
/// checks that every route other than a GET is here or in <see cref="None"/>, and that every typed body is used.
/// </summary>
public static class DsrRouteBodies
{
    public static IReadOnlyDictionary<string, RouteBody> ByRoute { get; } = new Dictionary<string, RouteBody>(StringComparer.Ordinal)
    {
        ["POST /api/requests"] = RouteBody.Of<SubmissionBody>(),
        ["POST /api/requests/{id}/verify"] = RouteBody.Of<CodeBody>(),
        ["POST /api/requests/{id}/identity"] = RouteBody.Of<IdentityTokenBody>(),
        ["POST /api/partners/{partnerId}/confirmations"] = RouteBody.Of<PartnerConfirmationBody>(),
        ["POST /api/partners/{partnerId}/confirmations/link"] = RouteBody.Of<ConfirmationBody>(),
        ["POST /api/clients/{clientId}/answers"] = RouteBody.Of<SignedAnswerBody>(),
        ["POST /api/clients/{clientId}/answers/link"] = RouteBody.Of<ConfirmationBody>(),
        ["POST /api/inbound/sendgrid"] = SendGridInboundParse(),
        ["POST /api/staff/requests/{id}/approve"] = RouteBody.Of<StaffReasonBody>(required: false),
        ["POST /api/staff/requests/{id}/deny"] = RouteBody.Of<ReasonedStaffBody>(),
        ["POST /api/staff/requests/{id}/extend"] = RouteBody.Of<ReasonedStaffBody>(),
        ["POST /api/staff/requests/{id}/refuse"] = RouteBody.Of<ReasonedStaffBody>(),
        ["POST /api/staff/requests/{id}/classify"] = RouteBody.Of<ClassifyBody>(),
        ["POST /api/staff/requests/{id}/identity/bind"] = RouteBody.Of<StaffBindBody>(),
        ["POST /api/staff/requests/{id}/stores/{storeId}/rerun"] = RouteBody.Of<StaffReasonBody>(required: false),
        ["POST /api/staff/requests/{id}/stores/{storeId}/done"] = RouteBody.Of<ManualStepBody>(),
        ["POST /api/staff/requests/{id}/review/remove"] = RouteBody.Of<WithholdItemBody>(),
        ["POST /api/staff/backups/restored"] = RouteBody.Of<BackupRestoredBody>(),
    };

    /// <summary>Routes other than a GET that read no body: the path (and credentials) say everything.</summary>
    public static IReadOnlySet<string> None { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "POST /api/requests/{id}/resend",
        "POST /api/smoke/requests",
        "POST /api/smoke/requests/{id}/verify",
        "POST /api/staff/requests/{id}/restart",
        "POST /api/staff/requests/{id}/review/release",
        "POST /api/staff/reconcile",
    };

    public static string KeyOf(DsrRoute route) => $"{route.Method} {route.Pattern}";

    public static RouteBody? For(DsrRoute route) => ByRoute.GetValueOrDefault(KeyOf(route));

    /// <summary>SendGrid's own format (Inbound Parse), not a typed body: the raw message, or its parts.</summary>
    private static RouteBody SendGridInboundParse()
    {
        static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };
        return new([RouteBody.Multipart], new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["email"] = Text("The whole message as MIME (the \"send raw\" option); when given, the other fields are not read."),
                ["headers"] = Text("The message's header block."),
                ["from"] = Text("The From header, when the header block lacks it."),
                ["to"] = Text("The To header, when the header block lacks it."),
                ["subject"] = Text("The Subject header, when the header block lacks it."),
                ["text"] = Text("The plain-text body."),
                ["html"] = Text("The HTML body."),
            },
            ["additionalProperties"] = new JsonObject { ["description"] = "Attachment files (attachment1, attachment2, …)." },
        });
    }
}
