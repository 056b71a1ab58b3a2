namespace Comintech.Dsr.Intake;

/// <summary>
/// The body of POST /api/requests, from JSON or the website form: its text fields (each a string) and the corrections
/// (a JSON object of field name to new value, or the form's <c>corrections[field]</c> fields).
/// <see cref="RequestSubmissionValidator"/> turns it into a <see cref="RequestSubmission"/>.
/// </summary>
public sealed record SubmissionBody(Dictionary<string, string?> Fields, Dictionary<string, string> Corrections)
    : IRequestBody<SubmissionBody>, IValidatedRequestBody
{
    public const string CorrectionsField = "corrections";

    public static IReadOnlyList<string> FieldNames { get; } = ["type", "email", "fullName", "jurisdiction", "accountId", "language", "details", "identityToken"];

    public static SubmissionBody? Read(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var named = FieldNames.ToDictionary(name => name, name => fields.String(name, errors), StringComparer.Ordinal);
        var corrections = fields.Map(CorrectionsField, errors);
        return errors.Count > 0 ? null : new SubmissionBody(named, corrections);
    }

    /// <summary>The validated submission, or null with the reasons in <paramref name="errors"/>.</summary>
    public RequestSubmission? Validate(Dictionary<string, List<string>> errors) => RequestSubmissionValidator.Validate(Fields, Corrections, errors);

    void IValidatedRequestBody.Check(Dictionary<string, List<string>> errors) => Validate(errors);
}
