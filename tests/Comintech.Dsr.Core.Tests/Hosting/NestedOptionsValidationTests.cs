using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Core.Tests.Hosting;

/// <summary>Settings inside nested option objects (<c>Dsr:Verification</c>, <c>Dsr:Inbox</c>, …) are checked at start, not when first read.</summary>
public class NestedOptionsValidationTests
{
    [Theory]
    [InlineData("Dsr:Verification:MaxAttempts", "0")]
    [InlineData("Dsr:Verification:CodeTtl", "2.00:00:00")]
    [InlineData("Dsr:Inbox:MaxMimeDepth", "1")]
    [InlineData("Dsr:Mail:FromAddress", "not-an-address")]
    [InlineData("Dsr:AccessPackage:LinkTtl", "90.00:00:00")]
    [InlineData("Dsr:Protection:Key", "too-short")]
    [InlineData("Dsr:IdentifierHashKey", "too-short")]
    [InlineData("Dsr:PublicBaseUrl", "not a url")]
    [InlineData("Dsr:Limits:PerIpWrites", "0")]
    public async Task A_bad_nested_option_stops_start_up_with_a_message_naming_it(string key, string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => CoreHost.StartAsync((key, value)));

        Assert.StartsWith(key + ": ", Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_nested_options_start()
    {
        await CoreHost.StartAsync(("Dsr:Verification:MaxAttempts", "3"), ("Dsr:Inbox:MaxMimeDepth", "4"));
    }
}
