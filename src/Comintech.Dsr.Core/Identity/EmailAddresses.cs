namespace Comintech.Dsr.Identity;

/// <summary>
/// The one comparison of e-mail addresses used to bind identifiers: trimmed, Unicode NFKC, case-folded, an
/// internationalised domain in its ASCII form and without a trailing dot. Two addresses are the same person's
/// mailbox for binding only when these forms are equal.
/// </summary>
public static class EmailAddresses
{
    private static readonly IdnMapping Idn = new();

    public static string Normalise(string address)
    {
        var text = address.Trim().Normalize(NormalizationForm.FormKC);
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            return text.ToLowerInvariant();
        }

        var local = text[..at].ToLowerInvariant();
        var domain = text[(at + 1)..].TrimEnd('.');
        try
        {
            domain = Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            // Not a valid internationalised domain: compare it as written.
        }

        return $"{local}@{domain.ToLowerInvariant()}";
    }

    public static bool SameMailbox(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);
}
