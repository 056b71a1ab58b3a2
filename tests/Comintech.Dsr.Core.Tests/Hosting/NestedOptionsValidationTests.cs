using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Core.Tests.Hosting;

/// <summary>Settings inside nested option objects (<c>Dsr:Verification</c>, <c>Dsr:Inbox</c>, …) are checked at start, not when first read.</summary>
public class NestedOptionsValidationTests
{
    [Theory]
    [InlineData("Dsr:Verification:MaxAttempts", "0", "Verification", "MaxAttempts")]
    [InlineData("Dsr:Verification:CodeTtl", "2.00:00:00", "Verification", "CodeTtl")]
    [InlineData("Dsr:Inbox:MaxMimeDepth", "1", "Inbox", "MaxMimeDepth")]
    [InlineData("Dsr:Mail:FromAddress", "not-an-address", "Mail", "FromAddress")]
    [InlineData("Dsr:AccessPackage:LinkTtl", "90.00:00:00", "AccessPackage", "LinkTtl")]
    [InlineData("Dsr:Protection:Key", "too-short", "Protection", "Key")]
    public async Task A_bad_nested_option_stops_start_up_with_a_message_naming_it(string key, string value, string section, string setting)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => CoreHost.StartAsync((key, value)));

        Assert.Contains($"'DsrOptions.{section}' members: '{setting}'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_nested_options_start()
    {
        await CoreHost.StartAsync(("Dsr:Verification:MaxAttempts", "3"), ("Dsr:Inbox:MaxMimeDepth", "4"));
    }
}
