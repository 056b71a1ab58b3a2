using System.Text;

namespace Comintech.Dsr.LocalEngine.Tests.Fuzz;

/// <summary>One generated request: method, path and query, body and its content type, extra headers.</summary>
public sealed record FuzzInput(string Kind, HttpMethod Method, string Path, byte[]? Body, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, new Uri(Path, UriKind.Relative));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }
}

/// <summary>
/// Generated and mutated inputs for every public and partner route, from a fixed seed: valid-looking JSON, form and
/// multipart bodies, then byte flips, cuts, splices, huge keys, deep nesting, bad encodings and broken boundaries;
/// real-world MIME for the inbox from a corpus on disk.
/// </summary>
public sealed class FuzzInputs(int seed, IReadOnlyList<byte[]> mimeCorpus, string knownRequestId, string webhookKey)
{
    private static readonly string[] Emails = ["fuzz.one@example.com", "fuzz.two@example.org", "fuzz.three@example.net"];

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "\"", "\\", "%", "%zz", "%00", "&", "=", "+", ";", "\0", "\r\n", "\n\n", "--", "\uFFFD", "\u202E", "𝔘",
        "null", "true", "1e309", "-0", "NaN", "<script>", "'; DROP TABLE x; --", "../../", "%2e%2e%2f", "=cmd|' /C calc'!A0",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "text/plain", "application/json; charset=utf-16",
        "application/problem+json", "application/x-www-form-urlencoded; charset=latin1", "multipart/form-data", "image/png", "", ";;;", "application/json; charset=\"",
    ];

    private readonly Random random = new(seed);

    public IEnumerable<FuzzInput> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return (random.Next(100)) switch
            {
                < 30 => Submission(),
                < 42 => Verify(),
                < 47 => Resend(),
                < 55 => Status(),
                < 60 => Package(),
                < 68 => PartnerConfirmation(),
                < 74 => PartnerLink(),
                < 94 => Inbound(),
                _ => Page(),
            };
        }
    }

    private FuzzInput Submission()
    {
        var email = Emails[random.Next(Emails.Length)];
        var type = Pick("access", "deletion", "correction", "optout", "erase");
        var json = $$"""{"type":"{{type}}","email":"{{email}}","fullName":"Fuzz Person","jurisdiction":"{{Pick("GDPR", "CCPA", "EU")}}","language":"{{Pick("en", "es", "xx")}}","corrections":{"phone":"123"} }""";
        var form = $"type=access&email={Uri.EscapeDataString(email)}&fullName=Fuzz+Person&corrections%5Bphone%5D=1&details=hello";
        var (body, contentType) = random.Next(4) switch
        {
            0 => (Mutate(Encoding.UTF8.GetBytes(json)), "application/json"),
            1 => (Mutate(Encoding.UTF8.GetBytes(form)), "application/x-www-form-urlencoded"),
            2 => (Encoding.UTF8.GetBytes(Nested(random.Next(2, 5000))), "application/json"),
            _ => (Mutate(Encoding.UTF8.GetBytes(random.Next(2) == 0 ? HugeForm() : json)), ContentTypes[random.Next(ContentTypes.Length)]),
        };
        return new FuzzInput("submit", HttpMethod.Post, "/api/requests", body, contentType, AcceptHeader());
    }

    private FuzzInput Verify()
    {
        var body = random.Next(2) == 0 ? $$"""{"code":"{{random.Next(0, 1_000_000):D6}}"}""" : $"code={random.Next(0, 1_000_000):D6}";
        var type = body.StartsWith('{') ? "application/json" : "application/x-www-form-urlencoded";
        return new FuzzInput("verify", HttpMethod.Post, $"/api/requests/{Id()}/verify", Mutate(Encoding.UTF8.GetBytes(body)), RandomType(type), []);
    }

    private FuzzInput Resend() =>
        new("resend", HttpMethod.Post, $"/api/requests/{Id()}/resend", random.Next(3) == 0 ? RandomBytes(200) : null, RandomType("application/json"), []);

    private FuzzInput Status() => new("status", HttpMethod.Get, $"/api/requests/{Id()}{(random.Next(4) == 0 ? "?" + Text(40) : "")}", null, null, []);

    private FuzzInput Package() => new(
        "package", HttpMethod.Get,
        $"/api/requests/{Id()}/package?expires={Pick("1", "99999999999", "-1", "abc", "", "1e5", "18446744073709551616")}&signature={Uri.EscapeDataString(Text(random.Next(0, 80)))}",
        null, null, []);

    private FuzzInput PartnerConfirmation()
    {
        var json = $$"""{"requestId":"{{knownRequestId}}","action":"{{Pick("access", "rectify", "erase", "x")}}","outcome":"done","recordsAffected":{{Pick("0", "-1", "1e99", "\"2\"")}}}""";
        return new FuzzInput(
            "partner", HttpMethod.Post, $"/api/partners/{Pick("acme", "reseller-1", Uri.EscapeDataString(Text(30)), "%2F..")}/confirmations",
            Mutate(Encoding.UTF8.GetBytes(json)), RandomType("application/json"),
            [("X-Dsr-Timestamp", Pick("0", "1764500000", Ascii(12), "99999999999999999999")), ("X-Dsr-Signature", "sha256=" + Ascii(random.Next(0, 70)))]);
    }

    private FuzzInput PartnerLink()
    {
        var query = $"requestId={Id()}&action={Pick("access", "erase", "", "%00")}&expires={Pick("1", "abc", "99999999999")}&signature={Uri.EscapeDataString(Text(64))}";
        return random.Next(2) == 0
            ? new FuzzInput("partner-link", HttpMethod.Get, $"/api/partners/{Pick("acme", Uri.EscapeDataString(Text(10)))}/confirmations/link?{query}", null, null, [])
            : new FuzzInput("partner-link", HttpMethod.Post, $"/api/partners/acme/confirmations/link?{query}",
                Mutate(Encoding.UTF8.GetBytes("outcome=done&recordsAffected=0")), RandomType("application/x-www-form-urlencoded"), []);
    }

    private FuzzInput Inbound()
    {
        var boundary = "fuzz" + random.Next(1_000_000);
        var message = mimeCorpus[random.Next(mimeCorpus.Count)];
        if (random.Next(3) > 0)
        {
            message = Mutate(message);
        }

        using var body = new MemoryStream();
        void Part(string name, byte[] content, string? fileName = null)
        {
            var disposition = fileName is null ? $"form-data; name=\"{name}\"" : $"form-data; name=\"{name}\"; filename=\"{fileName}\"";
            body.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n"));
            body.Write(content);
            body.Write("\r\n"u8);
        }

        if (random.Next(2) == 0)
        {
            Part("email", message);
        }
        else
        {
            var text = Encoding.UTF8.GetString(message);
            var split = text.IndexOf("\n\n", StringComparison.Ordinal);
            Part("headers", Encoding.UTF8.GetBytes(split < 0 ? text : text[..split]));
            Part("text", Encoding.UTF8.GetBytes(split < 0 ? "" : text[(split + 2)..]));
            Part("from", Encoding.UTF8.GetBytes(Pick("someone@example.com", "", "<>", Text(30))));
            Part("SPF", Encoding.UTF8.GetBytes(Pick("pass", "fail", Text(8))));
            Part("dkim", Encoding.UTF8.GetBytes(Pick("{@example.com : pass}", Text(20))));
            if (random.Next(4) == 0)
            {
                Part("attachment1", RandomBytes(random.Next(1, 2000)), Pick("a.pdf", "../../etc/passwd", Text(300)));
            }
        }

        body.Write(Encoding.UTF8.GetBytes($"--{boundary}--\r\n"));
        var bytes = random.Next(5) == 0 ? Mutate(body.ToArray()) : body.ToArray();
        var type = random.Next(8) == 0 ? ContentTypes[random.Next(ContentTypes.Length)] : $"multipart/form-data; boundary={(random.Next(10) == 0 ? Ascii(80) : boundary)}";
        return new FuzzInput("inbound", HttpMethod.Post, $"/api/inbound/sendgrid?key={(random.Next(10) == 0 ? "wrong" : webhookKey)}", bytes, type, []);
    }

    private FuzzInput Page() => random.Next(3) switch
    {
        0 => new FuzzInput("page", HttpMethod.Get, "/?request=" + Uri.EscapeDataString(Text(50)), null, null, []),
        1 => new FuzzInput("page", HttpMethod.Get, "/staff", null, null, []),
        _ => new FuzzInput("page", HttpMethod.Post, "/", RandomBytes(100), RandomType("text/html"), []),
    };

    private IReadOnlyList<(string, string)> AcceptHeader() => random.Next(2) == 0 ? [("Accept", "text/html")] : [];

    private string Id() => random.Next(5) switch
    {
        0 => knownRequestId,
        1 => Comintech.Dsr.Domain.RequestId.New(),
        2 => Uri.EscapeDataString(Text(random.Next(1, 40))),
        3 => new string('A', 27),
        _ => knownRequestId[..^1] + "~",
    };

    private string RandomType(string usual) => random.Next(6) == 0 ? ContentTypes[random.Next(ContentTypes.Length)] : usual;

    private string Pick(params string[] options) => options[random.Next(options.Length)];

    private string Text(int length) =>
        new(Enumerable.Range(0, length).Select(_ => random.Next(10) == 0 ? (char)random.Next(0x80, 0x3000) : (char)random.Next(0x20, 0x7F)).ToArray());

    /// <summary>Printable ASCII only: what an HTTP client can put in a header.</summary>
    private string Ascii(int length) => new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x7F)).ToArray());

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private string Nested(int depth) => random.Next(2) == 0
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"corrections\":", depth)) + "1" + new string('}', depth);

    private string HugeForm() => random.Next(3) switch
    {
        0 => new string('k', random.Next(2049, 5000)) + "=v",
        1 => string.Join('&', Enumerable.Range(0, random.Next(1025, 3000)).Select(i => $"f{i}=1")),
        _ => "corrections[" + new string('x', random.Next(100, 3000)) + "]=v&type=correction",
    };

    /// <summary>One to four mutations: flip, insert a token or random bytes, cut, duplicate a slice, truncate.</summary>
    private byte[] Mutate(byte[] input)
    {
        var data = new List<byte>(input);
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 2:
                    data.InsertRange(at, RandomBytes(random.Next(1, 16)));
                    break;
                case 3 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(random.Next(1, 64), data.Count - at));
                    break;
                case 4 when data.Count > 0:
                    var length = Math.Min(random.Next(1, 256), data.Count - at);
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, length));
                    break;
                default:
                    data.RemoveRange(at, data.Count - at);
                    break;
            }
        }

        return [.. data];
    }
}
