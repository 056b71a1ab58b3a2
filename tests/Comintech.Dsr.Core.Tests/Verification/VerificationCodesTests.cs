using Comintech.Dsr.Verification;

namespace Comintech.Dsr.Core.Tests.Verification;

public class VerificationCodesTests
{
    [Fact]
    public void Codes_are_six_digits_and_one_salt_always_gives_the_same_code()
    {
        var codes = new HashSet<string>();
        for (var i = 0; i < 500; i++)
        {
            var salt = VerificationCodes.NewSalt();
            var code = VerificationCodes.Derive("key", salt);
            Assert.True(VerificationCodes.IsWellFormed(code));
            Assert.Equal(code, VerificationCodes.Derive("key", salt));
            codes.Add(code);
        }

        Assert.True(codes.Count > 450);
    }

    [Fact]
    public void Only_the_right_code_matches_its_salted_hash()
    {
        var salt = VerificationCodes.NewSalt();
        var hash = VerificationCodes.Hash(salt, "123456");

        Assert.True(VerificationCodes.Matches(salt, hash, "123456"));
        Assert.False(VerificationCodes.Matches(salt, hash, "123457"));
        Assert.False(VerificationCodes.Matches(VerificationCodes.NewSalt(), hash, "123456"));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_codes_are_refused(string? code) => Assert.False(VerificationCodes.IsWellFormed(code));
}
