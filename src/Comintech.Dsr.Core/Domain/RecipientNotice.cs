namespace Comintech.Dsr.Domain;

/// <summary>What one recipient was told, as the evidence and the person's list of recipients give it.</summary>
public sealed record RecipientNotice(string RecipientId, string Recipient, string Channel, IReadOnlyList<string> Stores, string? Note = null);
