namespace Comintech.Dsr.Notifications;

/// <summary>What an erasure kept in one store and the legal reason (GDPR Art. 17(3)); told to the person and certified.</summary>
public sealed record RetainedItem(string StoreId, string StoreName, IReadOnlyList<string> KeptFields, string Reason);
