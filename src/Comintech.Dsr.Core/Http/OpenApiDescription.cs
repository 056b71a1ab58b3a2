namespace Comintech.Dsr.Http;

/// <summary>
/// The OpenAPI 3.1 description of the app's HTTP API, made from <see cref="DsrRoutes.All"/> alone (served at
/// <see cref="Route"/> on both hosts), so it lists exactly the routes the hosts serve. Each route carries the security
/// scheme its <see cref="RouteAccess"/> names and each body its schema (given by the composition root); answers are described in
/// README.md's route tables.
/// </summary>
public static partial class OpenApiDescription
{
    public const string Route = "/api/openapi.json";

    /// <summary>Routes only the local engine serves are marked with this extension.</summary>
    public const string LocalEngineOnly = "x-local-engine-only";

    /// <summary>The document as served at GET /api/openapi.json: indented JSON.</summary>
    public static byte[] Render(IEnumerable<DsrRoute> routes, Func<DsrRoute, RouteBody?> bodyOf) =>
        Encoding.UTF8.GetBytes(Build(routes, bodyOf).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    public static IResult Serve(byte[] document) => Results.Bytes(document, "application/json; charset=utf-8");

    public static JsonObject Build(IEnumerable<DsrRoute> routes, Func<DsrRoute, RouteBody?> bodyOf)
    {
        var paths = new JsonObject();
        foreach (var route in routes)
        {
            var path = paths[route.Pattern] as JsonObject ?? new JsonObject();
            paths[route.Pattern] = path;
            path[route.Method.ToLowerInvariant()] = Operation(route, bodyOf(route));
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Comintech DSR",
                ["version"] = "1",
                ["description"] = "Data subject requests (GDPR/CCPA access, correction, deletion, opt-out): the public, partner and staff API. " +
                    "Errors are RFC 7807 application/problem+json. Answers: README.md, section API.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["securitySchemes"] = SecuritySchemes() },
        };
    }

    private static JsonObject Operation(DsrRoute route, RouteBody? body)
    {
        var operation = new JsonObject
        {
            ["operationId"] = route.FunctionName ?? OperationId(route),
            ["summary"] = route.Summary,
            ["tags"] = new JsonArray(route.Access.ToString()),
            ["security"] = Security(route),
            ["responses"] = Responses(route),
        };
        var parameters = PathParameters(route.Pattern);
        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (body is not null)
        {
            operation["requestBody"] = RequestBody(body);
        }

        if (route.FunctionName is null)
        {
            operation[LocalEngineOnly] = true;
        }

        return operation;
    }

    private static JsonObject RequestBody(RouteBody body)
    {
        var content = new JsonObject();
        foreach (var mediaType in body.MediaTypes)
        {
            content[mediaType] = new JsonObject { ["schema"] = body.Schema.DeepClone() };
        }

        return new JsonObject { ["required"] = body.Required, ["content"] = content };
    }

    /// <summary>An empty list where anyone may call; otherwise the one scheme (or, for staff, either scheme) it needs.</summary>
    private static JsonArray Security(DsrRoute route) => route.Access switch
    {
        RouteAccess.Staff => [Requirement(StaffApiKey), Requirement(StaffEntraId)],
        RouteAccess.Partner when route.Pattern.EndsWith("/link", StringComparison.Ordinal) => [Requirement(SignedLink)],
        RouteAccess.Partner => [Requirement(PartnerSignature)],
        RouteAccess.Smoke => [Requirement(SmokeKey)],
        RouteAccess.Inbox => [Requirement(InboxKey)],
        _ => [],
    };

    private static JsonObject Requirement(string scheme) => new() { [scheme] = new JsonArray() };

    private static JsonObject Responses(DsrRoute route)
    {
        var responses = new JsonObject
        {
            ["default"] = new JsonObject { ["description"] = "See README.md's route table; an error is application/problem+json." },
        };
        if (route.Access != RouteAccess.Public)
        {
            responses["401"] = new JsonObject { ["description"] = "Missing or wrong credentials." };
        }

        return responses;
    }

    private static JsonArray PathParameters(string pattern) =>
        [.. Parameter().Matches(pattern).Select(m => new JsonObject
        {
            ["name"] = m.Groups[1].Value,
            ["in"] = "path",
            ["required"] = true,
            ["schema"] = new JsonObject { ["type"] = "string" },
        })];

    private static string OperationId(DsrRoute route) =>
        route.Method.ToLowerInvariant() + string.Concat(route.Pattern.Split('/', '.', '{', '}')
            .Where(part => part.Length > 0)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>The names of the security schemes <see cref="Security"/> requires and <see cref="SecuritySchemes"/> describes.</summary>
    public const string StaffApiKey = "staffApiKey";
    public const string StaffEntraId = "staffEntraId";
    public const string PartnerSignature = "partnerSignature";
    public const string SignedLink = "signedLink";
    public const string SmokeKey = "smokeKey";
    public const string InboxKey = "inboxKey";

    private static JsonObject SecuritySchemes() => new()
    {
        [StaffApiKey] = ApiKey("header", StaffAuthenticator.ApiKeyHeader,
            $"Staff: the key configured as {StaffAuthenticator.ApiKeySetting} (locally generated into .dsr/staff-api-key)."),
        [StaffEntraId] = new JsonObject
        {
            ["type"] = "http",
            ["scheme"] = "bearer",
            ["description"] = $"Staff in Azure: App Service Authentication (Entra ID) in front of the app (sign in at /.auth/login/aad, " +
                $"or an Entra ID token for the app); the user needs the app role {StaffAuthenticator.StaffRole}.",
        },
        [PartnerSignature] = ApiKey("header", Connectors.Partners.PartnerSignature.SignatureHeader,
            $"A partner's or Client's signature: sha256=<hex HMAC-SHA256(secret, timestamp + \".\" + body)>, the timestamp in the header " +
            $"{Connectors.Partners.PartnerSignature.TimestampHeader} (Unix seconds, within 5 minutes)."),
        [SignedLink] = ApiKey("query", "signature",
            "The signed link mailed to a partner or Client (query requestId, action, expires, signature)."),
        [SmokeKey] = ApiKey("header", Smoke.SmokeOptions.KeyHeader, "The post-deploy smoke test's key (Dsr:Smoke:Key)."),
        [InboxKey] = ApiKey("query", "key", "The SendGrid webhook's key (Dsr:Inbox:WebhookKey)."),
    };

    private static JsonObject ApiKey(string location, string name, string description) => new()
    {
        ["type"] = "apiKey",
        ["in"] = location,
        ["name"] = name,
        ["description"] = description,
    };

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)[^}]*\}")]
    private static partial Regex Parameter();
}
