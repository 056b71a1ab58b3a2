namespace Comintech.Dsr.Web;

/// <summary>
/// The lists the form and the console show, from the server's own types and the data map, so no page repeats them:
/// request types, jurisdictions, reply languages, channels, statuses (and which are final), correctable fields.
/// </summary>
public sealed class UiLists(ICorrectableFields correctable)
{
    /// <summary>Reply languages a page may offer, in order; only those the server accepts are listed.</summary>
    private static readonly string[] KnownLanguages = [Languages.English, Languages.Spanish, "pt"];

    public static IReadOnlyList<string> Types { get; } = [.. Enum.GetValues<RequestType>().Select(t => t.ToWire())];

    public static IReadOnlyList<string> Jurisdictions { get; } = Enum.GetNames<Jurisdiction>();

    public static IReadOnlyList<string> ReplyLanguages { get; } = [.. KnownLanguages.Where(Languages.IsSupported)];

    /// <summary>The request fields some store of the data map can correct, in the map's order.</summary>
    public IReadOnlyList<string> CorrectionFields => correctable.CorrectionFields;

    /// <summary>GET /api/lists (public: nothing in it is personal or secret).</summary>
    public IResult Get() => Results.Ok(new
    {
        types = Types,
        jurisdictions = Jurisdictions,
        languages = ReplyLanguages,
        channels = Enum.GetNames<IntakeChannel>(),
        statuses = Enum.GetNames<RequestStatus>(),
        finalStatuses = Enum.GetValues<RequestStatus>().Where(s => s.IsFinal()).Select(s => s.ToString()),
        correctionFields = CorrectionFields,
    });
}

/// <summary>The request fields some store corrects (the form's correction fields); the data map answers it.</summary>
public interface ICorrectableFields
{
    IReadOnlyList<string> CorrectionFields { get; }
}
