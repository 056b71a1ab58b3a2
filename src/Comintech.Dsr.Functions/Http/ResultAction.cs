namespace Comintech.Dsr.Functions.Http;

/// <summary>Lets a function return the shared handlers' <see cref="IResult"/> through ASP.NET Core integration.</summary>
public sealed class ResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
