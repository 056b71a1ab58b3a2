namespace Comintech.Dsr.Fulfilment.Restore;

// Everything in this file crosses into the engine's history: ids and counts only.

/// <summary>A backup of <see cref="BackupStoreId"/> was restored; <see cref="RestoreId"/> is the orchestration's instance id.</summary>
public sealed record RestoreInput(string RestoreId, string BackupStoreId, string BackupId);

/// <summary>One ledgered erasure to re-apply, and the stores (with their retry policies) to re-apply it to.</summary>
public sealed record LedgeredErasure(string RequestId, IReadOnlyList<PlannedStore> Stores);

public sealed record RestorePlan(IReadOnlyList<LedgeredErasure> Erasures);

public sealed record ReapplyInput(string RequestId, string StoreId, string RestoreId);

public sealed record RestoreResult(int Erasures, int StoreActionsDone, int StoreActionsFailed);
