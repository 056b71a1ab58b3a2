using Comintech.Dsr.Domain;
using Comintech.Dsr.Identity;

namespace Comintech.Dsr.Core.Tests.Identity;

public class IdentityBindingRulesTests
{
    private const string Verified = "grace.hopper@example.org";

    private static IdentityState Decide(string? named, params AccountRecord[] records) =>
        IdentityBindingRules.Decide(Verified, named, null, tier2Required: false, records);

    [Fact]
    public void An_account_whose_record_holds_the_verified_address_binds_at_tier_1()
    {
        var identity = Decide("ACC-1002", new AccountRecord("ACC-1002", Verified));

        Assert.Equal(IdentityState.ProvenBy(BindingSource.Record, "ACC-1002"), identity);
        Assert.Equal(IdentityTier.EmailCode, identity.Tier);
        Assert.Null(identity.Unbound);
    }

    [Theory]
    [InlineData("Grace.Hopper@EXAMPLE.org")]
    [InlineData("  grace.hopper@example.org. ")]
    [InlineData("ｇｒａｃｅ.hopper@example.org")]
    public void Addresses_compare_after_case_Unicode_and_trailing_dot_normalisation(string onRecord)
    {
        Assert.NotNull(Decide("ACC-1002", new AccountRecord("ACC-1002", onRecord)).BoundAccountId);
    }

    [Fact]
    public void An_internationalised_domain_matches_its_ascii_form()
    {
        Assert.True(EmailAddresses.SameMailbox("jose@bücher.example", "JOSE@xn--bcher-kva.example"));
        Assert.False(EmailAddresses.SameMailbox("jose@bucher.example", "jose@bücher.example"));
    }

    [Fact]
    public void Someone_elses_account_does_not_bind_and_the_reason_is_the_same_as_for_a_missing_one()
    {
        var someoneElses = Decide("ACC-1002", new AccountRecord("ACC-1002", "mallory@evil.example"));
        var missing = Decide("ACC-9999");

        Assert.Null(someoneElses.BoundAccountId);
        Assert.Equal(UnboundReason.NotLinked, someoneElses.Unbound);
        Assert.Equal(someoneElses, missing);
    }

    [Fact]
    public void With_several_accounts_on_one_address_only_the_named_one_binds()
    {
        var records = new[] { new AccountRecord("ACC-1", Verified), new AccountRecord("ACC-2", Verified) };

        Assert.Equal("ACC-2", IdentityBindingRules.Decide(Verified, "ACC-2", null, false, records).BoundAccountId);
        Assert.Null(IdentityBindingRules.Decide(Verified, "ACC-3", null, false, records).BoundAccountId);
    }

    [Fact]
    public void A_lookup_returning_another_account_id_does_not_bind_the_named_one()
    {
        Assert.Null(Decide("acc-1002", new AccountRecord("ACC-1002", Verified)).BoundAccountId);
    }

    [Fact]
    public void An_account_whose_email_changed_needs_a_tier_2_proof()
    {
        var newAddress = "grace@new.example";
        var byCode = IdentityBindingRules.Decide(newAddress, "ACC-1002", null, false, [new AccountRecord("ACC-1002", Verified)]);
        var byLink = IdentityBindingRules.Decide(
            newAddress, "ACC-1002", IdentityState.ProvenBy(BindingSource.ControlPanel, "ACC-1002"), false, [new AccountRecord("ACC-1002", Verified)]);

        Assert.Null(byCode.BoundAccountId);
        Assert.Equal("ACC-1002", byLink.BoundAccountId);
        Assert.Equal(IdentityTier.StrongProof, byLink.Tier);
    }

    [Fact]
    public void Without_a_system_of_record_no_account_binds_by_email()
    {
        Assert.Equal(UnboundReason.NotLinked, Decide("ACC-1002").Unbound);
    }

    [Fact]
    public void A_policy_requiring_tier_2_leaves_the_account_unbound_even_when_the_record_matches()
    {
        var identity = IdentityBindingRules.Decide(Verified, "ACC-1002", null, tier2Required: true, [new AccountRecord("ACC-1002", Verified)]);

        Assert.Null(identity.BoundAccountId);
        Assert.Equal(UnboundReason.StrongerProofRequired, identity.Unbound);
    }

    [Fact]
    public void No_account_named_means_the_email_alone_at_tier_1()
    {
        Assert.Equal(IdentityState.EmailOnly, Decide(null, new AccountRecord("ACC-1002", Verified)));
    }

    [Fact]
    public void The_bound_subject_carries_only_a_bound_account_id()
    {
        var request = new DsrRequest(
            RequestId.New(), RequestType.Access, IntakeChannel.Api, Jurisdiction.GDPR, "en", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30),
            RequestStatus.InProgress, new DataSubject(Verified, "Grace", "ACC-1002"), null, new Dictionary<string, string>());

        Assert.Null(request.BoundSubject.AccountId);
        Assert.Null((request with { Identity = IdentityState.EmailOnly with { Unbound = UnboundReason.NotLinked } }).BoundSubject.AccountId);
        Assert.Equal("ACC-1002", (request with { Identity = IdentityState.ProvenBy(BindingSource.Record, "ACC-1002") }).BoundSubject.AccountId);
    }

    [Theory]
    [InlineData("deletion", RequestType.Deletion, Jurisdiction.GDPR, true)]
    [InlineData("deletion/CCPA", RequestType.Deletion, Jurisdiction.GDPR, false)]
    [InlineData("deletion/CCPA", RequestType.Deletion, Jurisdiction.CCPA, true)]
    [InlineData("access", RequestType.Deletion, Jurisdiction.CCPA, false)]
    public void Tier_2_policy_entries_name_a_type_and_optionally_a_law(string entry, RequestType type, Jurisdiction law, bool required)
    {
        var options = new IdentityOptions { Tier2RequiredFor = [entry] };

        Assert.Empty(options.Validate());
        Assert.Equal(required, options.IsTier2Required(type, law));
    }

    [Theory]
    [InlineData("erase")]
    [InlineData("deletion/EU")]
    [InlineData("deletion/1")]
    public void Bad_tier_2_policy_entries_are_refused(string entry)
    {
        Assert.NotEmpty(new IdentityOptions { Tier2RequiredFor = [entry] }.Validate());
    }
}
