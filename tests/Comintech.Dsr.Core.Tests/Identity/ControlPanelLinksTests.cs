using Comintech.Dsr.Identity;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Core.Tests.Identity;

public class ControlPanelLinksTests
{
    private const string Key = "control-panel-shared-key-of-at-least-32-chars";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static ControlPanelLinks Links(string? key = Key) =>
        new(Options.Create(new IdentityOptions { ControlPanelKey = key }), new FixedClock(Now));

    [Fact]
    public void A_genuine_current_link_gives_its_account_and_address()
    {
        var token = ControlPanelLinks.Create(Key, "ACC-1004", "bobby@example.com", Now.AddMinutes(30));

        var claims = Links().Verify(token);

        Assert.Equal(new ControlPanelClaims("ACC-1004", "bobby@example.com", Now.AddMinutes(30)), claims);
    }

    [Fact]
    public void An_altered_link_is_refused()
    {
        var token = ControlPanelLinks.Create(Key, "ACC-1004", "bobby@example.com", Now.AddMinutes(30));
        var other = ControlPanelLinks.Create(Key, "ACC-1002", "bobby@example.com", Now.AddMinutes(30));
        var swappedPayload = $"v1.{other.Split('.')[1]}.{token.Split('.')[2]}";
        var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        Assert.Null(Links().Verify(swappedPayload));
        Assert.Null(Links().Verify(flipped));
        Assert.Null(Links().Verify(token.Replace("v1.", "v2.", StringComparison.Ordinal)));
        Assert.Null(Links().Verify("v1..."));
        Assert.Null(Links().Verify(new string('a', ControlPanelLinks.MaxTokenLength + 1)));
    }

    [Fact]
    public void A_link_signed_with_another_key_is_refused()
    {
        Assert.Null(Links().Verify(ControlPanelLinks.Create(Key + "x", "ACC-1004", "bobby@example.com", Now.AddMinutes(30))));
    }

    [Fact]
    public void An_expired_link_or_one_claiming_too_long_a_life_is_refused()
    {
        Assert.Null(Links().Verify(ControlPanelLinks.Create(Key, "ACC-1004", "bobby@example.com", Now.AddSeconds(-1))));
        Assert.Null(Links().Verify(ControlPanelLinks.Create(Key, "ACC-1004", "bobby@example.com", Now.AddDays(2))));
        Assert.Null(Links().Verify(ControlPanelLinks.Create(Key, "ACC-1004", "bobby@example.com", DateTimeOffset.MaxValue)));
    }

    [Fact]
    public void Without_a_key_no_link_is_accepted()
    {
        Assert.Null(Links(key: null).Verify(ControlPanelLinks.Create(Key, "ACC-1004", "bobby@example.com", Now.AddMinutes(30))));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
