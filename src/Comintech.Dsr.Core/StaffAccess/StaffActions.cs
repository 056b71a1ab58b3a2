namespace Comintech.Dsr.StaffAccess;

/// <summary>The action names written to the audit log.</summary>
public static class StaffActions
{
    public const string ViewDetail = "view-detail";
    public const string ExportLog = "export-log";
    public const string Approve = "approve";
    public const string Deny = "deny";
    public const string Extend = "extend";
    public const string Refuse = "refuse";
    public const string RerunStore = "rerun-store";
    public const string Classify = "classify";
    public const string BackupRestored = "backup-restored";
    public const string ManualStepDone = "manual-step-done";
    public const string BindIdentity = "bind-identity";
    public const string RestartWorkflow = "restart-workflow";
    public const string Reconcile = "reconcile";
}
