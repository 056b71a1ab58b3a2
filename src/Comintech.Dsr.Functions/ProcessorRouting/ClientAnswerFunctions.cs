using Comintech.Dsr.Connectors.ProcessorRouting;

namespace Comintech.Dsr.Functions.ProcessorRouting;

/// <summary>Clients' answers to forwarded requests (signed, or through the mailed link) and the staff view of them.</summary>
public sealed class ClientAnswerFunctions(ClientAnswerHttpHandlers handlers)
{
    [Function("ClientAnswer")]
    public async Task<IActionResult> Answer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/clients/{clientId}/answers")] HttpRequest request, string clientId) =>
        new ResultAction(await handlers.AnswerAsync(request, clientId));

    [Function("ClientAnswerForm")]
    public async Task<IActionResult> Form(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/clients/{clientId}/answers/link")] HttpRequest request, string clientId) =>
        new ResultAction(await handlers.FormAsync(request, clientId));

    [Function("ClientAnswerFormPost")]
    public async Task<IActionResult> FormAnswer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/clients/{clientId}/answers/link")] HttpRequest request, string clientId) =>
        new ResultAction(await handlers.FormAnswerAsync(request, clientId));

    [Function("StaffClientAnswers")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/requests/{id}/clients")] HttpRequest request, string id) =>
        new ResultAction(await handlers.ListAsync(request, id));
}

/// <summary>Binds the Client follow-up steps (reminders, escalation) to activity triggers under their registered names.</summary>
public sealed class ClientFollowUpFunctions(RemindClientsActivity remind, EscalateClientsActivity escalate)
{
    [Function(ClientFollowUp.RemindActivity)]
    public Task<int> RemindClients([ActivityTrigger] ClientFollowUpInput input, CancellationToken cancellationToken) =>
        remind.RunAsync(input, cancellationToken);

    [Function(ClientFollowUp.EscalateActivity)]
    public Task<int> EscalateClients([ActivityTrigger] ClientFollowUpInput input, CancellationToken cancellationToken) =>
        escalate.RunAsync(input, cancellationToken);
}
