namespace Comintech.Dsr.Connectors.ProcessorRouting;

/// <summary>
/// Data Comintech hosts for its Clients (mailboxes, marketing lists), where the Client is the controller and Comintech
/// its processor (GDPR Art. 28(3)(e)): finds which Clients hold the person's data and forwards the request to each
/// Client's privacy contact through the signed partner channel. It never reads or changes the Client's data itself.
/// The store's part is done once every Client has the request; each Client's answer is recorded when it comes,
/// reminders and escalation follow the store's <c>Waiting</c> settings after the request has closed.
/// </summary>
/// <remarks>Settings: <c>ClientsTable</c>, <c>MailboxTable</c>, <c>ListTable</c> (see <see cref="HostedClients"/>) and the store's account.</remarks>
public sealed class ProcessorRoutingConnector(
    HostedClients directory, ClientForwards forwards, ClientForwarder forwarder, EvidenceLedger evidence, TimeProvider clock) : IDataStoreConnector
{
    public const string KindName = "ProcessorRouting";

    public string Kind => KindName;

    public Task<ConnectorOutcome> ExportAsync(ConnectorRequest request, CancellationToken cancellationToken) => ForwardAsync(request, cancellationToken);

    public Task<ConnectorOutcome> RectifyAsync(ConnectorRequest request, CancellationToken cancellationToken) => ForwardAsync(request, cancellationToken);

    public Task<ConnectorOutcome> EraseAsync(ConnectorRequest request, CancellationToken cancellationToken) => ForwardAsync(request, cancellationToken);

    public IEnumerable<string> ValidateSettings(DataStoreDefinition store)
    {
        foreach (var table in new[] { HostedClients.ClientsTable(store), HostedClients.MailboxTable(store), HostedClients.ListTable(store) })
        {
            if (table.Length is < 3 or > 63 || !char.IsAsciiLetter(table[0]) || !table.All(char.IsAsciiLetterOrDigit))
            {
                yield return $"Settings: '{table}' is not a valid table name (3-63 letters and digits, starting with a letter).";
            }
        }

        foreach (var problem in StoreAccounts.Location.Of(store).Problems("Settings:"))
        {
            yield return problem;
        }
    }

    public async Task<string?> FindMissingAsync(DataStoreDefinition store, CancellationToken cancellationToken)
    {
        foreach (var name in new[] { HostedClients.ClientsTable(store), HostedClients.MailboxTable(store), HostedClients.ListTable(store) })
        {
            if (!await StoreAccounts.TableExistsAsync(directory.TableOf(store, name), cancellationToken))
            {
                return $"table '{name}'";
            }
        }

        return null;
    }

    private async Task<ConnectorOutcome> ForwardAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var matches = await directory.FindAsync(request.Store, request.Subject.NormalisedEmail, cancellationToken);
        if (matches.Count == 0)
        {
            return request.Outcome(OutcomeKind.NothingFound, 0, 0, "No Client of ours hosts data about this person with us.", null, clock.GetUtcNow());
        }

        var already = (await forwards.ListAsync(request.RequestId, cancellationToken, request.Store.Id)).Select(f => f.ClientId).ToHashSet(StringComparer.Ordinal);
        foreach (var match in matches)
        {
            var client = await directory.GetAsync(request.Store, match.ClientId, cancellationToken)
                ?? throw new ConnectorException($"Client '{match.ClientId}' is not in table '{HostedClients.ClientsTable(request.Store)}'.");
            if (!already.Contains(client.ClientId))
            {
                await forwarder.SendAsync(request, client, match.Found, 0, cancellationToken);
                await forwards.OpenAsync(request.RequestId, request.Store.Id, client, request.Action, cancellationToken);
            }

            await evidence.AppendAsync(
                request.RequestId,
                ClientForwarded.Key(request.Store.Id, client.ClientId),
                new ClientForwarded(request.Store.Id, client.ClientId, client.Channel, match.Found.Count),
                cancellationToken: cancellationToken);
        }

        return request.Outcome(
            OutcomeKind.Done, matches.Count, matches.Count,
            $"Forwarded to {matches.Count} Client(s), the controller(s) of this data ({ClientForwarder.Basis}); we changed none of it. Their answers are recorded as they come.",
            null, clock.GetUtcNow());
    }
}
