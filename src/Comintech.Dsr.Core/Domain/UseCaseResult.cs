namespace Comintech.Dsr.Domain;

/// <summary>Why a use case did not do what it was asked; the HTTP edge answers each kind with one RFC 7807 status.</summary>
public enum FailureKind
{
    /// <summary>400 with field errors (<see cref="UseCaseFailure.Errors"/>).</summary>
    Invalid,

    /// <summary>400 without field errors (e.g. a wrong code).</summary>
    Rejected,
    NotFound,
    Conflict,
    Gone,
    Locked,

    /// <summary>429, with <see cref="UseCaseFailure.RetryAfter"/> when a later try can succeed.</summary>
    TooMany,
}

/// <summary>A typed failure of a use case: what kind, and the title and detail a caller may be shown (never personal data).</summary>
public sealed record UseCaseFailure(FailureKind Kind, string Title, string Detail)
{
    /// <summary>Field errors of an <see cref="FailureKind.Invalid"/> input, by field name.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>When a <see cref="FailureKind.TooMany"/> may be tried again; <c>{seconds}</c> in the detail is replaced by it.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Extra members of the problem answer (e.g. <c>attemptsLeft</c>).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static UseCaseFailure Conflict(string title, string detail) => new(FailureKind.Conflict, title, detail);

    public static UseCaseFailure NotFound(string title, string detail) => new(FailureKind.NotFound, title, detail);

    public static UseCaseFailure UnknownRequest() => NotFound("Unknown request", "No request has this id.");

    public static UseCaseFailure Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static UseCaseFailure Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Invalid, "The request has invalid fields.", $"Fix these fields: {string.Join(", ", errors.Keys.Order(StringComparer.Ordinal))}.")
        {
            Errors = errors,
        };

    public static UseCaseFailure TooMany(TimeSpan? retryAfter, string title, string detail) => new(FailureKind.TooMany, title, detail) { RetryAfter = retryAfter };
}

/// <summary>What a use case gives back: its value, or a <see cref="UseCaseFailure"/>.</summary>
public readonly record struct UseCaseResult<T>
{
    private UseCaseResult(T? value, UseCaseFailure? failure) => (Value, Failure) = (value, failure);

    public T? Value { get; }

    public UseCaseFailure? Failure { get; }

    public static implicit operator UseCaseResult<T>(T value) => new(value, null);

    public static implicit operator UseCaseResult<T>(UseCaseFailure failure) => new(default, failure);
}
