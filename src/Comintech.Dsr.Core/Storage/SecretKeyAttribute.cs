namespace Comintech.Dsr.Storage;

/// <summary>A setting that holds key material: required, and at least <see cref="MinLength"/> characters.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretKeyAttribute() : ValidationAttribute($"{{0}} must be a secret of at least {MinLength} characters.")
{
    public const int MinLength = 32;

    public override bool IsValid(object? value) => value is string { Length: >= MinLength };
}
