using Comintech.Dsr.Storage;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Testing;

/// <summary>Options a test builds a service with by hand: only the feature's own, as the host binds them.</summary>
public static class TestOptions
{
    /// <summary><c>Dsr:IdentifierHashKey</c> = <see cref="TestServices.HashKey"/>.</summary>
    public static IOptions<IdentifierHashOptions> HashKey { get; } = Options.Create(new IdentifierHashOptions { IdentifierHashKey = TestServices.HashKey });
}
