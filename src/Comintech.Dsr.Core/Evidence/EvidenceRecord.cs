namespace Comintech.Dsr.Evidence;

/// <summary>
/// One link of a request's evidence chain. <see cref="Details"/> is JSON of non-personal facts (counts, store ids,
/// outcomes, hashes). <see cref="Hash"/> is SHA-256 over the canonical form of every other field, the previous
/// link's hash included, so changing any row breaks every hash after it.
/// </summary>
public sealed record EvidenceRecord(
    string RequestId,
    long Sequence,
    string EventType,
    DateTimeOffset OccurredAt,
    string Actor,
    string Details,
    string PreviousHash,
    string Hash)
{
    public static readonly string GenesisHash = new('0', 64);

    public bool Is(EvidenceType type) => EventType == type.Name;

    public static string ComputeHash(string requestId, long sequence, string eventType, DateTimeOffset occurredAt, string actor, string details, string previousHash)
    {
        var canonical = string.Join(
            '\n',
            requestId,
            sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            eventType,
            occurredAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            actor,
            details,
            previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public string ExpectedHash() => ComputeHash(RequestId, Sequence, EventType, OccurredAt, Actor, Details, PreviousHash);
}

/// <summary>The result of checking a chain: the head hash when intact, else the first broken link.</summary>
public sealed record ChainVerification(bool IsIntact, int Length, string HeadHash, long? FirstBrokenSequence, string? Problem);
