using System.Text.Json.Nodes;

namespace Comintech.Dsr.Http;

/// <summary>The body a route reads: its media types and schema, and whether it may be left out.</summary>
public sealed record RouteBody(IReadOnlyList<string> MediaTypes, JsonObject Schema, bool Required = true)
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";
    public const string Multipart = "multipart/form-data";

    /// <summary>A typed body: JSON or a form (<see cref="BodyFields"/> reads both alike).</summary>
    public static RouteBody Of<T>(bool required = true)
        where T : class, IRequestBody<T> => new([Json, Form], BodySchema.Of<T>(), required);
}
