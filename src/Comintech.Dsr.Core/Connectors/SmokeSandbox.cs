namespace Comintech.Dsr.Connectors;

/// <summary>
/// Post-deploy smoke requests (channel <see cref="IntakeChannel.Smoke"/>): they run the real workflow against one
/// built-in sandbox store (the table <c>DsrSmokeSandbox</c> in the system's own account) instead of the data map, are
/// addressed to a reserved <c>.invalid</c> domain so no mail is ever sent, and stay out of the §7101 request log and
/// the metrics.
/// </summary>
public static class SmokeSandbox
{
    public const string StoreId = "smoke-sandbox";
    public const string MailDomain = "smoke.invalid";

    public static DataStoreDefinition Definition { get; } = BuiltInStores.Get(StoreId);

    public static bool IsSmoke(this DsrRequest request) => request.Channel == IntakeChannel.Smoke;

    /// <summary>RFC 2606 reserves <c>.invalid</c>: no message to such an address is ever handed to a mail service.</summary>
    public static bool IsUndeliverable(string address) =>
        address.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase);

    /// <summary>The one row the sandbox holds for a smoke subject, so the access finds and exports something.</summary>
    public static Azure.Data.Tables.TableEntity Row(string email, string requestId) =>
        new("smoke", requestId) { ["Email"] = email, ["AccountId"] = "SMOKE-" + requestId, ["Note"] = "smoke test record" };
}
