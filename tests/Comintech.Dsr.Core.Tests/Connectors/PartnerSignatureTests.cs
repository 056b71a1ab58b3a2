using Comintech.Dsr.Connectors.Partners;

namespace Comintech.Dsr.Core.Tests.Connectors;

public class PartnerSignatureTests
{
    private const string Secret = "shared-secret-0123456789";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void A_signature_over_timestamp_and_body_verifies_and_any_change_breaks_it()
    {
        var signature = PartnerSignature.Sign(Secret, 1_800_000_000, """{"requestId":"x"}""");

        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        Assert.True(PartnerSignature.IsValid(Secret, "1800000000", signature, """{"requestId":"x"}""", Now));
        Assert.False(PartnerSignature.IsValid(Secret, "1800000000", signature, """{"requestId":"y"}""", Now));
        Assert.False(PartnerSignature.IsValid(Secret, "1800000001", signature, """{"requestId":"x"}""", Now));
        Assert.False(PartnerSignature.IsValid("another-secret-0123456789", "1800000000", signature, """{"requestId":"x"}""", Now));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Timestamps_outside_five_minutes_are_refused(int offsetSeconds)
    {
        var timestamp = 1_800_000_000 + offsetSeconds;
        var signature = PartnerSignature.Sign(Secret, timestamp, "{}");

        Assert.False(PartnerSignature.IsValid(Secret, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, "{}", Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void Malformed_timestamps_are_refused(string? timestamp) =>
        Assert.False(PartnerSignature.IsValid(Secret, timestamp, "sha256=00", "{}", Now));

    [Fact]
    public void A_link_signature_binds_partner_request_action_and_expiry()
    {
        var expires = Now.AddDays(1).ToUnixTimeSeconds();
        var signature = PartnerSignature.SignLink(Secret, "beta", "req", "erase", expires);

        Assert.True(PartnerSignature.IsValidLink(Secret, "beta", "req", "erase", expires, signature, Now));
        Assert.False(PartnerSignature.IsValidLink(Secret, "beta", "req", "access", expires, signature, Now));
        Assert.False(PartnerSignature.IsValidLink(Secret, "acme", "req", "erase", expires, signature, Now));
        Assert.False(PartnerSignature.IsValidLink(Secret, "beta", "req", "erase", expires, signature, Now.AddDays(2)));
    }
}
