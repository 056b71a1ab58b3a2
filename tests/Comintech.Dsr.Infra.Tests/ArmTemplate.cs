using System.Text.Json;

namespace Comintech.Dsr.Infra.Tests;

/// <summary>One resource of the compiled ARM template, with the module (nested deployment) it is declared in.</summary>
public sealed record ArmResource(string Module, string Type, JsonElement Body, ArmModule Declaring)
{
    public JsonElement Properties => Body.GetProperty("properties");
}

/// <summary>A template and the parameter values its parent passes in (the root has none).</summary>
public sealed record ArmModule(string Name, JsonElement Template, IReadOnlyDictionary<string, JsonElement> Arguments)
{
    /// <summary>A module's parameter as its parent passes it: an ARM expression string, or a literal.</summary>
    public JsonElement Argument(string parameter) =>
        Arguments.TryGetValue(parameter, out var value) ? value
        : throw new KeyNotFoundException($"Module {Name} is not given parameter {parameter}.");

    public string Variable(string name) => Template.GetProperty("variables").GetProperty(name).GetString()!;
}

public sealed class ArmTemplate(JsonElement root)
{
    public JsonElement Root { get; } = root;

    public IReadOnlyList<ArmResource> Resources { get; } = Walk(new ArmModule("main", root, new Dictionary<string, JsonElement>())).ToList();

    public IEnumerable<ArmResource> OfType(string type) => Resources.Where(r => r.Type.Equals(type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type) => Assert.Single(OfType(type));

    /// <summary>The nested deployment of one module, e.g. <c>keyVault</c>.</summary>
    public ArmResource Deployment(string module) =>
        OfType("Microsoft.Resources/deployments").Single(d => ModuleName(d.Body) == module);

    /// <summary>The argument a module is given: <c>Argument("keyVault", "secrets")</c>.</summary>
    public JsonElement Argument(string module, string parameter) =>
        ValueOf(Deployment(module).Properties.GetProperty("parameters").GetProperty(parameter));

    /// <summary><c>{"value": x}</c> → x; bicep may also pass a whole expression that yields that object.</summary>
    private static JsonElement ValueOf(JsonElement argument) =>
        argument.ValueKind == JsonValueKind.Object ? argument.GetProperty("value") : argument;

    /// <summary>Module names as bicep writes them: <c>[format('dataStorage-{0}', …)]</c> → <c>dataStorage</c>.</summary>
    public static string ModuleName(JsonElement deployment)
    {
        var name = deployment.GetProperty("name").GetString()!;
        var start = name.IndexOf('\'', StringComparison.Ordinal) + 1;
        return name[start..name.IndexOf('-', start)];
    }

    private static IEnumerable<ArmResource> Walk(ArmModule module)
    {
        var resources = module.Template.GetProperty("resources");
        var list = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(p => p.Value);
        foreach (var resource in list)
        {
            if (resource.TryGetProperty("existing", out var existing) && existing.GetBoolean())
            {
                continue;
            }

            var type = resource.GetProperty("type").GetString()!;
            yield return new ArmResource(module.Name, type, resource, module);
            if (type == "Microsoft.Resources/deployments")
            {
                var properties = resource.GetProperty("properties");
                var arguments = properties.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateObject().ToDictionary(p => p.Name, p => ValueOf(p.Value))
                    : [];
                foreach (var nested in Walk(new ArmModule(ModuleName(resource), properties.GetProperty("template"), arguments)))
                {
                    yield return nested;
                }
            }
        }
    }
}
