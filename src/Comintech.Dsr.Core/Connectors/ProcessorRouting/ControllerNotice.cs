namespace Comintech.Dsr.Connectors.ProcessorRouting;

/// <summary>
/// The wording of the final notice's paragraph naming the Clients that control data Comintech hosts for them
/// (section <c>Dsr:ProcessorRouting</c>): <c>Notice:&lt;language&gt;</c>, with <c>{clients}</c> where the list of Clients
/// goes (one line each: name and privacy contact).
/// </summary>
public sealed class ProcessorRoutingOptions
{
    public const string Section = "Dsr:ProcessorRouting";

    public Dictionary<string, string> Notice { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlyDictionary<string, string> DefaultNotice = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [Languages.English] =
            "Some of your data is in services Comintech runs for the organisations below (for example a mailbox or a mailing list). "
            + "They decide what happens to that data: they are its controller, and we act only on their instructions, so we have not "
            + "changed it ourselves. We have passed your request on to each of them; they will answer you, and you can also contact them directly:\n{clients}",
        [Languages.Spanish] =
            "Parte de sus datos está en servicios que Comintech presta a las organizaciones siguientes (por ejemplo, un buzón o una lista de correo). "
            + "Ellas deciden qué se hace con esos datos: son las responsables del tratamiento y nosotros solo actuamos siguiendo sus instrucciones, "
            + "por lo que no los hemos modificado. Les hemos trasladado su solicitud; ellas le responderán, y también puede dirigirse a ellas directamente:\n{clients}",
        [Languages.Portuguese] =
            "Parte dos seus dados está em serviços que a Comintech presta às organizações abaixo (por exemplo, uma caixa de correio ou uma lista de e-mail). "
            + "São elas que decidem o que acontece a esses dados: são as responsáveis pelo tratamento e nós só agimos segundo as suas instruções, "
            + "por isso não os alterámos. Transmitimos-lhes o seu pedido; elas responder-lhe-ão, e também as pode contactar diretamente:\n{clients}",
    };

    /// <summary>The configured wording for the language, else the default, else English.</summary>
    public string NoticeFor(string language) =>
        Notice.GetValueOrDefault(language) ?? DefaultNotice.GetValueOrDefault(language) ?? Notice.GetValueOrDefault(Languages.English) ?? DefaultNotice[Languages.English];

    public IEnumerable<string> Problems() =>
        Notice.Where(n => !n.Value.Contains("{clients}", StringComparison.Ordinal)).Select(n => $"{Section}:Notice:{n.Key} must contain {{clients}}.");
}

/// <summary>The final notice's paragraph naming the Client(s) a request was forwarded to, or "" when there were none.</summary>
public sealed class ControllerNotice(ClientForwards forwards, IOptions<ProcessorRoutingOptions> options)
{
    public async Task<string> ForAsync(DsrRequest request, CancellationToken cancellationToken)
    {
        var clients = (await forwards.ListAsync(request.Id, cancellationToken))
            .DistinctBy(f => f.ClientId)
            .Select(f => f.PrivacyContact is null ? $"- {f.ClientName}" : $"- {f.ClientName}: {f.PrivacyContact}")
            .ToList();
        return clients.Count == 0 ? "" : options.Value.NoticeFor(request.Language).Replace("{clients}", string.Join('\n', clients), StringComparison.Ordinal);
    }
}
